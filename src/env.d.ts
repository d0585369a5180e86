// pagewise reads one thing from the environment: `process.env.NODE_ENV`, which the application's bundler replaces,
// so that production builds drop the development-only checks. No Node types are needed for that: this declares
// only what is read, in a shape that merges with @types/node where a project has it.
//
// Development-only code (checks of the developer's own options and props, and warnings) sits behind
// `process.env.NODE_ENV !== 'production'`, written out where it is used, so that bundlers drop it and its messages
// from production builds. Data from an API (pages, cursors, limits, HTTP answers) is always checked.
declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV?: string
  }
  interface Process {
    env: ProcessEnv
  }
}
// A global `var`, as @types/node declares it: the two declarations merge instead of clashing.
// eslint-disable-next-line no-var
declare var process: NodeJS.Process
