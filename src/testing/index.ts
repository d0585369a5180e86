// pagewise/testing: the adapter conformance kit. Needs fast-check (an optional peer dependency).
export { verifyAdapter } from './verifyAdapter'
export { AdapterConformanceError } from './AdapterConformanceError'
export { SimulatedServerFault } from './SimulatedServerFault'
export { conformanceProperties } from './conformanceProperties'
export { offsetServer } from './offsetServer'
export { cursorServer } from './cursorServer'
export { commonMalformedPages } from './commonMalformedPages'
export { closeEventsServer, closeOffsetServer, closeSearchServer } from './closeServers'
export { closeKeysetServer } from './closeKeysetServer'
export { pipedriveCursorServer, pipedriveOffsetServer } from './pipedriveServers'
export { linkHeaderMalformedPages, linkHeaderServer } from './linkHeaderServer'
export { stripeListServer } from './stripeServers'
export { hubspotSearchServer, hubspotServer } from './hubspotServers'
export { jsonApiServer } from './jsonApiServer'
export { relayConnectionServer } from './relayConnectionServer'

export type { AdapterReport, PropertyReport, VerifyAdapterOptions } from './verifyAdapter'
export type { CounterExample, CounterExampleRequest } from './AdapterConformanceError'
export type { ConformanceProperty } from './conformanceProperties'
export type { HasMoreRule } from './conformanceScenario'
export type { OffsetServerSpec } from './offsetServer'
export type { CursorServerSpec } from './cursorServer'
export type { CloseKeysetServerOptions } from './closeKeysetServer'
export type { LinkHeaderAnswer, LinkHeaderServerOptions } from './linkHeaderServer'
export type { JsonApiServerOptions } from './jsonApiServer'
export type { RelayConnectionServerOptions } from './relayConnectionServer'
export type {
  ErrorClass,
  KeysetWindow,
  MalformedPage,
  RequestedPage,
  SimulatedItem,
  SimulatedPage,
  SimulatedRecord,
  ServerSpec,
  SimulatedServer,
} from './simulatedServer'
