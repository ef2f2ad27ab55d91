#!/usr/bin/env node
'use strict';
// Exit explicitly once stdout is flushed: `verify` runs the monolith in this process, and its
// timers and sockets must not keep cleave alive.
require('../dist/cli/main.js')
  .main(process.argv)
  .then((code) => process.stdout.write('', () => process.exit(code)));
