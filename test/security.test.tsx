// @vitest-environment jsdom
/**
 * Security checks that run in CI: credentials travel in headers only, never in a query key, a URL or the page;
 * the lint rule that forbids HTML injection in `src/` really fires.
 */
import { cleanup, render, screen } from '@testing-library/react'
import { ESLint } from 'eslint'
import { afterEach, describe, expect, test } from 'vitest'
import { closeOffset, createFetcher, InfiniteTable, usePaginatedList, usePagedList } from '../src'
import { CLOSE_MOCK_BASE_URL, createCloseMock } from '../src/mock'
import { stubLayout } from './jsdomLayout'
import { setupMockServer } from './mockServer'
import { createTestClient } from './renderWithClient'
import { QueryClientProvider } from '@tanstack/react-query'

const { serve } = setupMockServer()
const API_KEY = 'api_9f8e7d6c5b4a-secret'
afterEach(cleanup)

describe('credentials', () => {
  test('go in the Authorization header only: not in query keys, request URLs or the rendered page', async () => {
    stubLayout(40)
    const mock = serve(createCloseMock({ leads: 50, apiKey: API_KEY }))
    const close = createFetcher({
      baseUrl: `${CLOSE_MOCK_BASE_URL}/api/v1`,
      headers: () => ({ Authorization: `Basic ${btoa(`${API_KEY}:`)}` }),
    })
    const adapter = closeOffset<{ id: string; display_name: string }>()
    function Leads() {
      const infinite = usePaginatedList({ queryKey: ['close', 'leads'], adapter, fetchPage: close('/lead/') })
      const paged = usePagedList({
        queryKey: ['close', 'paged'],
        adapter,
        fetchPage: close('/lead/'),
        pageSize: 10,
      })
      return (
        <>
          <InfiniteTable
            list={infinite}
            columns={[{ id: 'name', header: 'Lead', cell: (lead) => lead.display_name }]}
            aria-label="Leads"
            height={400}
          />
          <p>{paged.items.length} on this page</p>
        </>
      )
    }
    const client = createTestClient()
    render(
      <QueryClientProvider client={client}>
        <Leads />
      </QueryClientProvider>,
    )
    await screen.findByText('10 on this page')
    await screen.findAllByRole('gridcell')

    expect(mock.requests.length).toBeGreaterThanOrEqual(2)
    expect(mock.requests.every((request) => request.status === 200)).toBe(true) // the key was sent, in the header
    const encoded = btoa(`${API_KEY}:`)
    const surfaces = {
      queryKeys: JSON.stringify(
        client
          .getQueryCache()
          .getAll()
          .map((query) => query.queryKey),
      ),
      urls: JSON.stringify(mock.requests.map((request) => [request.path, request.query])),
      page: document.documentElement.outerHTML,
    }
    for (const [where, text] of Object.entries(surfaces)) {
      expect(text, where).not.toContain(API_KEY)
      expect(text, where).not.toContain(encoded)
    }
  })
})

describe('lint', () => {
  test('forbids dangerouslySetInnerHTML in src/', async () => {
    const eslint = new ESLint()
    const [result] = await eslint.lintText(
      'export function Note({ html }: { html: string }) {\n  return <div dangerouslySetInnerHTML={{ __html: html }} />\n}\n',
      { filePath: 'src/components/Note.tsx' },
    )
    expect(result!.messages.map((message) => message.message)).toContain(
      'Render API text as text: dangerouslySetInnerHTML is not allowed in pagewise.',
    )
    expect(result!.errorCount).toBeGreaterThan(0)
  })

  test('src/ has no dangerouslySetInnerHTML today', async () => {
    const eslint = new ESLint()
    const results = await eslint.lintFiles(['src/**/*.tsx'])
    const offenders = results.flatMap((result) =>
      result.messages
        .filter((message) => message.message.includes('dangerouslySetInnerHTML'))
        .map(() => result.filePath),
    )
    expect(offenders).toEqual([])
    expect(results.length).toBeGreaterThan(10)
  }, 60_000)
})
