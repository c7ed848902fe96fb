// Browser-side testing kit: an in-memory Clerk for fast unit tests of pages that use the elements.
export { FakeClerk, fakeUser, type FakeClerkInit, type FakeUserInit } from './fake-clerk.js';
