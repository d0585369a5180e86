import type { Decorator } from '@storybook/react-vite'
import type { ReactNode } from 'react'

/** A story's opening line, above the demo: what it shows and what to try. */
export function StoryIntro({ children }: { children: ReactNode }) {
  return (
    <p
      className="pw-story-intro"
      style={{
        margin: '0 0 16px',
        maxWidth: '75ch',
        color: 'var(--pw-fg)',
        font: '0.9375rem/1.5 var(--pw-font)',
      }}
    >
      {children}
    </p>
  )
}

/**
 * A story decorator that puts `text` above the story in its canvas: `decorators: [intro('…')]`. Docs pages leave it
 * out, since they show the story's description already.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a decorator for stories of any args
export function intro<TArgs = any>(text: ReactNode): Decorator<TArgs> {
  return (Story, { viewMode }) => (
    <>
      {viewMode === 'docs' ? null : <StoryIntro>{text}</StoryIntro>}
      <Story />
    </>
  )
}
