/** The properties `verifyAdapter` checks, by name. */
export type ConformanceProperty =
  | 'valid-pages-read'
  | 'well-formed-requests'
  | 'request-count'
  | 'distinct-page-params'
  | 'stops-at-end'
  | 'page-items'
  | 'exactly-once'
  | 'no-loss-under-drift'
  | 'random-access'
  | 'total'
  | 'malformed-pages'

/**
 * What each property promises, in one sentence: the wording of reports and errors.
 *
 * @example
 * conformanceProperties['exactly-once'] // 'without drift, every record is received exactly once and in order'
 */
export const conformanceProperties: Readonly<Record<ConformanceProperty, string>> = {
  'valid-pages-read': 'a well-formed list is read to its end without an error',
  'well-formed-requests':
    'every request names its page in a way the server understands and asks for min(pageSize, maxLimit) records',
  'request-count':
    'the traversal ends within ceil(records / page size) + extraRequests requests (records a keyset window fetches ' +
    'again count once more)',
  'distinct-page-params': 'no page param is requested twice',
  'stops-at-end': 'no request follows the answer that says the list has ended',
  'page-items': "getItems returns exactly the page's records, in order",
  'exactly-once': 'without drift, every record is received exactly once and in order',
  'no-loss-under-drift':
    'with records inserted at the head while paging, every record present throughout is received, and the ' +
    'de-duplicated items hold each record once, in order',
  'random-access': 'pageParamAt(i, limit) is the param the traversal used for page i (offset adapters)',
  total: 'getTotal reads the total the server reports',
  'malformed-pages':
    'a malformed page is refused with the expected typed error, naming the adapter, before it is handed out',
}
