import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { appAssets, ENV_PLACEHOLDER } from '../../bundler/app-assets';

// What is shipped beside every bundle: the files the app's code may read at run time (views,
// templates, JSON data, public assets), never the tooling around the app, which Lambda never runs.
describe('bundler/app-assets', () => {
  let app: string;
  beforeAll(() => {
    app = fs.mkdtempSync(path.join(os.tmpdir(), 'cleave-assets-'));
    const files = [
      'server.js',
      'app/views/index.pug',
      'app/mailer/templates/welcome.html',
      'data/articles.json',
      'public/css/site.css',
      'public/img/logo.svg',
      'config/settings.json',
      '.env.example',
      '.env',
      'keys/private.pem',
      'entrypoint.sh',
      'nodemon.json',
      'diagram.svg',
      'README.md',
      'Dockerfile',
      'docker/wait-for-it.sh',
      'scripts/seed.json',
      'docs/api.yaml',
      'Makefile',
      'test/fixture.json',
      'functions/.cleave-manifest.json',
      'functions/dist/x.json',
      'bin/www',
    ];
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(app, file)), { recursive: true });
      fs.writeFileSync(path.join(app, file), file === 'bin/www' ? "#!/usr/bin/env node\nrequire('../app');\n" : 'x');
    }
  });
  afterAll(() => fs.rmSync(app, { recursive: true, force: true }));

  it('ships what the code may read and withholds key material', () => {
    const list = appAssets(app, path.join(app, 'functions'));
    expect(list.assets.map((a) => a.path)).toEqual([
      '.env.example',
      'app/mailer/templates/welcome.html',
      'app/views/index.pug',
      'config/settings.json',
      'data/articles.json',
      'docs/api.yaml',
      'public/css/site.css',
      'public/img/logo.svg',
      'scripts/seed.json',
    ]);
    // `.env` holds the environment's values: withheld, and said so.
    expect(list.withheld.map((a) => a.path)).toEqual(['.env', 'keys/private.pem']);
  });

  it('puts an empty .env first for an app that depends on dotenv, never the app’s own', () => {
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ dependencies: { dotenv: '^16.4.7' } }));
    try {
      const list = appAssets(app, path.join(app, 'functions'));
      expect(list.assets[0]).toEqual({ path: '.env', size: Buffer.byteLength(ENV_PLACEHOLDER), contents: ENV_PLACEHOLDER });
      expect(ENV_PLACEHOLDER).toMatch(/^# [^\n]*\n$/);
      expect(list.withheld.map((a) => a.path)).toContain('.env');
    } finally {
      fs.rmSync(path.join(app, 'package.json'));
    }
  });
});
