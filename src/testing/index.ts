// pagewise/testing: the adapter conformance kit. Needs fast-check (an optional peer dependency).
export { verifyAdapter } from './verifyAdapter'
export { AdapterConformanceError } from './AdapterConformanceError'
export { conformanceProperties } from './conformanceProperties'
export { commonMalformedPages, cursorServer, offsetServer, SimulatedServerFault } from './simulatedServer'

export type { AdapterReport, PropertyReport, VerifyAdapterOptions } from './verifyAdapter'
export type { CounterExample, CounterExampleRequest } from './AdapterConformanceError'
export type { ConformanceProperty } from './conformanceProperties'
export type { HasMoreRule } from './conformanceScenario'
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
