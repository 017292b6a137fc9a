import { methodSchemas } from '../../../shared/api';
import type { CliContext } from '../cli-context';

/** `pledge api schema`: the JSON Schema of every method's input, generated from the contract's validators. */
export async function apiSchema(ctx: CliContext): Promise<void> {
  ctx.io.stdout(`${JSON.stringify(methodSchemas(), null, 2)}\n`);
}
