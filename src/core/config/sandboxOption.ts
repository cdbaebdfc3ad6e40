/**
 * Whether this session starts the sandbox channels: `--sandbox-channels` on the command line, or
 * PRESSDESK_SANDBOX=1. `bash scripts/run.sh start` passes it, so a newcomer can publish at once.
 */
export function sandboxRequested(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  if (argv.includes('--no-sandbox-channels')) return false;
  return argv.includes('--sandbox-channels') || env.PRESSDESK_SANDBOX === '1';
}
