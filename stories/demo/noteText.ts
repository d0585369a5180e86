/**
 * The text of a Pipedrive note's HTML, parsed in an inert document: no script runs, no image loads, nothing is
 * injected. The result is rendered as a text node, never as HTML.
 */
export function noteText(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent?.trim() ?? ''
}
