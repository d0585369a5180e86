import { vi } from 'vitest'

/**
 * jsdom lays nothing out, so the table would see a 0 px viewport and 0 px rows. This gives elements the sizes a
 * browser would: an element's inline `height` in pixels (the table's scroll area), and `rowHeight` for grid rows.
 * `scrollTo` moves `scrollTop` and fires `scroll` a task later, as browsers do. Spies are restored after each test (`restoreMocks`).
 */
export function stubLayout(rowHeight = 40): void {
  const inlineHeight = (element: HTMLElement) => Number.parseFloat(element.style.height) || 0
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return inlineHeight(this)
  })
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(() => 800)
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.getAttribute('role') === 'row' ? rowHeight : inlineHeight(this)
  })
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockImplementation(() => 800)
  Object.defineProperty(HTMLElement.prototype, 'scrollTo', {
    configurable: true,
    value(this: HTMLElement, options: ScrollToOptions) {
      if (options.top === undefined || options.top === this.scrollTop) return
      this.scrollTop = options.top
      // Browsers fire scroll events on the next frame, never inside the call.
      setTimeout(() => this.dispatchEvent(new Event('scroll')), 0)
    },
  })
}
