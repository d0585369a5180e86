const MAX_TEXT = 200
/** Error pages are small; reading only their start keeps every regex below cheap on a huge body. */
const MAX_SCAN = 16_000

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

function decodeEntities(value: string): string {
  return value.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity
  })
}

function collapse(value: string): string {
  return decodeEntities(value).replace(/\s+/g, ' ').trim()
}

/**
 * Plain text from a non-JSON body such as a proxy's HTML error page: its `<title>`, else its tag-stripped,
 * whitespace-collapsed text, at most ~200 characters. `''` when nothing readable is left.
 */
export function htmlToText(body: string): string {
  const head = body.slice(0, MAX_SCAN)
  const title = /<title[^<>]*>([\s\S]*?)<\/title>/i.exec(head)?.[1]
  const fromTitle = title === undefined ? '' : collapse(title.replace(/<[^<>]*>/g, ' '))
  const readable =
    fromTitle ||
    collapse(
      head
        .replace(/<!--[\s\S]*?-->/g, ' ')
        .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
        .replace(/<[^<>]*>/g, ' '),
    )
  return readable.length > MAX_TEXT ? `${readable.slice(0, MAX_TEXT - 1)}…` : readable
}
