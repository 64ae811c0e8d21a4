// Plain request/response types shared by api and web. No decorators, no ORM types.
export * from './domain';
export * from './api';
export * from './evidence';
export * from './search';
export * from './policy';
export * from './disclosure';
export * from './marks';
export * from './brief';
