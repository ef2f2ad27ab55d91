import * as os from 'node:os';
import { runHook } from '../../verifier/hooks';

describe('verify.setup and verify.reset commands', () => {
  it('run in order in the app folder, with CLEAVE_VERIFY_HOOK set, their output passed on', async () => {
    const out: string[] = [];
    await runHook('reset', ['echo one "$CLEAVE_VERIFY_HOOK"', 'pwd'], os.tmpdir(), (chunk) => out.push(chunk.toString()));
    expect(out.join('')).toBe(`one reset\n${os.tmpdir()}\n`);
  });

  it('stop verify with an input error naming the command at the first that fails', async () => {
    const ran: string[] = [];
    await expect(runHook('setup', ['exit 3', 'echo never'], os.tmpdir(), (chunk) => ran.push(chunk.toString()))).rejects.toMatchObject({
      code: 'VERIFY_HOOK_FAILED',
      message: 'verify.setup command `exit 3` exited with status 3',
    });
    expect(ran).toEqual([]);
  });

  it('end a command that runs over its time', async () => {
    await expect(runHook('reset', ['sleep 5'], os.tmpdir(), () => undefined, 200)).rejects.toMatchObject({
      message: 'verify.reset command `sleep 5` did not finish within 0.2 s',
    });
  });
});
