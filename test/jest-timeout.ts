// Integration and browser tests start a whole server (and a database); give hooks time for that.
jest.setTimeout(Number(process.env.TEST_TIMEOUT_MS ?? 180_000));
