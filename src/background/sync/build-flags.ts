/**
 * What differs in a test build (dist-test/, made by tests/support/test-build.ts with esbuild `define`): the
 * public keys of a throwaway key pair the test run generated, trusted in addition to the production keys, and
 * permission to read the feed URL and timeout from storage (so a test can point at its own 127.0.0.1 server).
 * A normal build defines nothing: `typeof` of the undefined identifier is "undefined", the test branch is dead,
 * and no test key or override exists in the code a user installs.
 */
import type { TrustedKey } from '../../core/feed/feed-signature.ts';

declare const __DRAMATIS_TEST_KEYS__: TrustedKey[] | undefined;

export const TEST_BUILD_KEYS: readonly TrustedKey[] | null =
  typeof __DRAMATIS_TEST_KEYS__ === 'undefined' ? null : __DRAMATIS_TEST_KEYS__;
