/** Offline, no credentials, no telemetry or notifications: what `serverless package` needs here. */
const { AWS_SDK_LOAD_CONFIG: _loadConfig, AWS_PROFILE: _profile, ...inherited } = process.env;

/** The environment `serverless package` runs with in the tests. */
export const SERVERLESS_ENV: NodeJS.ProcessEnv = {
  ...inherited,
  SLS_TELEMETRY_DISABLED: '1',
  SLS_NOTIFICATIONS_MODE: 'off',
  SLS_DEPRECATION_DISABLE: '*',
  SLS_INTERACTIVE_SETUP_DISABLE: '1',
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'cleave-test-not-a-secret',
  CI: '1',
};
