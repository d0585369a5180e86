// pagewise/testing: the adapter conformance kit arrives with its own issue (verifyAdapter).
export {}
