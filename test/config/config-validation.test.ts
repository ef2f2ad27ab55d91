import { parseConfigText } from '../../model/config-file';
import { ConfigError } from '../../model/errors';

function problems(yaml: string): string[] {
  try {
    parseConfigText(yaml);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('cleave.config.yaml validation', () => {
  it('fills every default for an empty file', () => {
    expect(parseConfigText('')).toMatchObject({
      strategy: 'clustered',
      pin: {},
      keep: [],
      names: {},
      functions: {},
      exclude: [],
      maxBundleBytes: 1048576,
      stateGroupLimit: 0.5,
      defaults: { memory: 512, timeout: 10 },
      clustering: { resolution: 1, seed: 1 },
      targets: { region: 'us-east-1', stage: 'dev', runtime: 'nodejs22.x' },
    });
  });

  it.each([
    ['functions:\n  users:\n    memory: big\n', 'functions.users.memory: expected number, got string'],
    ['strategy: fast\n', 'strategy: expected one of "per-route"|"per-router"|"clustered"'],
    ['strateg: clustered\n', 'strateg: unknown key'],
    ['keep:\n  - route: GET /x\n', 'keep[0].reason: required string is missing'],
    ['defaults: { memory: 64 }\n', 'defaults.memory: expected number to be >=128'],
    ['names: { "GET /x": Bad_Name }\n', 'names."GET /x": expected a kebab-case id matching ^[a-z][a-z0-9-]{0,47}$'],
    ['pin: { Users: ["GET /x"] }\n', 'pin.Users: invalid key (expected a kebab-case id matching ^[a-z][a-z0-9-]{0,47}$)'],
    ['targets: { monolithUrl: nope }\n', 'targets.monolithUrl: Invalid URL'],
    ['functions: { users: { memroy: 256 } }\n', 'functions.users.memroy: unknown key'],
    ['a: [\n', 'line 2:1: Flow sequence in block collection must be sufficiently indented and end with a ]'],
  ])('%j → %s', (yaml, line) => {
    expect(problems(yaml)).toEqual([line]);
  });

  it('reports every problem, one line each', () => {
    expect(problems('strategy: 1\nmaxBundleBytes: -1\nextra: true\n')).toEqual([
      'strategy: expected one of "per-route"|"per-router"|"clustered"',
      'maxBundleBytes: expected number to be >0',
      'extra: unknown key',
    ]);
  });
});
