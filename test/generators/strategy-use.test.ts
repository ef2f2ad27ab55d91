import { strategyUse } from '../../generators/slice/strategy-use';

const use = (text: string) => {
  const found = strategyUse('app.js', text);
  return { names: [...found.names].sort(), unknown: found.unknown };
};

describe('generators/slice strategyUse', () => {
  it('takes literal names of passport.authenticate and authorize, arrays too', () => {
    expect(use("app.get('/a', passport.authenticate('jwt'), h);\nrouter.get('/b', this.passport.authorize(['github', 'anonymous']));")).toEqual({
      names: ['anonymous', 'github', 'jwt'],
      unknown: undefined,
    });
  });

  it('follows an alias made with bind', () => {
    expect(use("const pauth = passport.authenticate.bind(passport);\napp.get('/a', pauth('google', fail));")).toEqual({
      names: ['google'],
      unknown: undefined,
    });
  });

  it("ignores other objects' authenticate methods", () => {
    expect(use('if (!user.authenticate(password)) return done(null, false);')).toEqual({ names: [], unknown: undefined });
  });

  it('is unknown for a computed name, the method handed on, or passport under another name', () => {
    expect(use('passport.authenticate(req.params.provider)(req, res, next);').unknown).toBe('app.js:1: passport.authenticate(req.params.provider)');
    expect(use('const auth = passport.authenticate;').unknown).toBe('app.js:1: passport.authenticate');
    expect(use('const pauth = passport.authenticate.bind(passport);\nrouter.use(pauth);').unknown).toBe('app.js:2: pauth');
    expect(use("const auth = require('passport');\nauth.authenticate('jwt');").unknown).toContain("auth = require('passport')");
    expect(use("import { authenticate } from 'passport';").unknown).toContain('import { authenticate }');
  });
});
