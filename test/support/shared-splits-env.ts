/** Names the folder (made by test/support/global-setup.ts) that holds the splits shared by one jest run (test/support/shared-split.ts). */
export const SHARED_SPLITS_ENV = 'CLEAVE_TEST_SHARED_SPLITS';
