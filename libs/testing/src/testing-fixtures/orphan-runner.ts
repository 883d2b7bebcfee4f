// A stand-in test runner: starts a long-lived child through startProcess, prints its pid, and then
// waits to be killed, so the spec can check the child does not outlive it.
import { startProcess } from '../lib/processes';

const proc = startProcess(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
console.log(`child ${proc.child.pid}`);
setInterval(() => undefined, 1000);
