import { cleanup } from '@testing-library/react'
import { configure } from '@testing-library/dom'
import { afterEach } from 'vitest'

// findBy* and waitFor give up after 1 s by default. Beside two CPU hogs a mock page can take longer to arrive; the
// tests wait for what the user sees, never for a duration, so a generous limit only matters when something is wrong.
configure({ asyncUtilTimeout: 10_000 })

// Unmounts what each test rendered. Testing Library registers this itself only when test globals are on, and they are
// off here: a list left mounted would refetch on window focus or poll, and reach the next test's mock.
afterEach(cleanup)
