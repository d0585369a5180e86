// pagewise/testing: the adapter conformance kit. Needs fast-check (an optional peer dependency).
export { verifyAdapter } from './verifyAdapter'
export { AdapterConformanceError } from './AdapterConformanceError'
export { conformanceProperties } from './conformanceScenario'
export { commonMalformedPages, cursorServer, offsetServer, SimulatedServerFault } from './simulatedServer'

export type { AdapterReport, PropertyReport, VerifyAdapterOptions } from './verifyAdapter'
export type { CounterExample } from './AdapterConformanceError'
export type { CounterExampleRequest } from './simulateTraversal'
export type { ConformanceProperty, HasMoreRule } from './conformanceScenario'
export type {
  CursorServerSpec,
  ErrorClass,
  KeysetWindow,
  MalformedPage,
  OffsetServerSpec,
  RequestedPage,
  ServerSpec,
  SimulatedPage,
  SimulatedRecord,
  SimulatedServer,
} from './simulatedServer'
