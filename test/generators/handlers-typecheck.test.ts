import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { GOLDEN_SAMPLES, goldenDir, REPO, sampleDir } from '../../scripts/golden';

/** Compiler options of each sample (from its tsconfig, or plain JavaScript checking), for the generated handlers. */
function optionsFor(name: string): { options: ts.CompilerOptions; extraRoots: string[] } {
  const app = sampleDir(name);
  const base: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    noEmit: true,
    typeRoots: [path.join(app, 'node_modules', '@types'), path.join(REPO, 'node_modules', '@types')],
  };
  const config = path.join(app, 'tsconfig.json');
  if (!fs.existsSync(config)) return { options: { ...base, allowJs: true, checkJs: false, types: ['node', 'express'] }, extraRoots: [] };
  const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(config, ts.sys.readFile).config, ts.sys, app);
  const { outDir: _outDir, rootDir: _rootDir, ...own } = parsed.options;
  // The sample's own declaration files (`declare module 'express-serve-static-core'` augmentations) come along.
  return { options: { ...base, ...own, ...{ noEmit: true, typeRoots: base.typeRoots } }, extraRoots: parsed.fileNames.filter((f) => f.endsWith('.d.ts')) };
}

// The generated TypeScript compiles against the sample it imports: its modules, its types.
describe.each(GOLDEN_SAMPLES.map((s) => s.name))('generators/handlers type-check %s', (name) => {
  it('compiles every generated handler and the runtime without errors', () => {
    const dir = goldenDir(name);
    const handlers = ['functions', 'schedules']
      .filter((d) => fs.existsSync(path.join(dir, d)))
      .flatMap((d) => fs.readdirSync(path.join(dir, d)).map((id) => path.join(dir, d, id, id === '_cleave' ? 'runtime.ts' : 'handler.ts')));
    expect(handlers.length).toBeGreaterThan(2);
    const { options, extraRoots } = optionsFor(name);
    const program = ts.createProgram([...handlers, ...extraRoots], options);
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const where =
        d.file && d.start !== undefined ? `${path.relative(REPO, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : '';
      return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(problems).toEqual([]);
  });
});
