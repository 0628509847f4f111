import { COMMANDS, commandUsage, usage } from './help';
import { nearest } from './suggest';

/** "frobnicate is not an implan command", with the nearest command when one is near. */
export function unknownCommand(command: string): string {
  const guess = nearest(command, Object.keys(COMMANDS));
  return `"${command}" is not an implan command${guess ? `; did you mean "implan ${guess}"?` : '.'} Run "implan help" for usage.`;
}

/**
 * Answers `implan`, `implan help [COMMAND]` and `implan COMMAND --help`: the exit code when it
 * printed help, undefined when the command line asks for something else.
 */
export function printHelp(
  io: { out(text: string): void; err(text: string): void },
  command: string | undefined,
  target: string | undefined,
  flag: boolean,
): number | undefined {
  if (command === undefined) {
    io.out(usage());
    return flag ? 0 : 2;
  }
  if (command !== 'help' && !flag) return undefined;
  const about = command === 'help' ? (target ?? (flag ? 'help' : undefined)) : command;
  if (about === undefined) {
    io.out(usage());
    return 0;
  }
  const text = commandUsage(about);
  if (text === undefined) {
    io.err(`Error: ${unknownCommand(about)}`);
    return 2;
  }
  io.out(text);
  return 0;
}
