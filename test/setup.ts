import { configure } from '@testing-library/dom'

// findBy* and waitFor give up after 1 s by default. Beside two CPU hogs a mock page can take longer to arrive; the
// tests wait for what the user sees, never for a duration, so a generous limit only matters when something is wrong.
configure({ asyncUtilTimeout: 10_000 })
