import { homedir } from 'node:os';
import { parseArgs } from 'node:util';
import { isErrorCode } from '../../shared/api-error';
import { CoreError } from '../../core/errors';
import { createHost } from '../create-host';
import { createHostOrRecovery } from '../create-recovery-host';
import type { Host } from '../host';
import { resolveDataDir } from '../resolve-data-dir';
import type { CliContext } from './cli-context';
import { CliFailure, exitCodeFor, type CliIo } from './cli-io';
import { apiSchema } from './commands/api-schema';
import { archiveExport } from './commands/archive-export';
import { archiveImport } from './commands/archive-import';
import { archiveList } from './commands/archive-list';
import { archiveRegister } from './commands/archive-register';
import { archiveSearch } from './commands/archive-search';
import { archiveShow } from './commands/archive-show';
import { archiveVerify } from './commands/archive-verify';
import { backupCreate, backupList, backupRestore } from './commands/backup';
import { backupFull, restoreFull } from './commands/backup-full';
import { fill } from './commands/fill';
import { serve } from './commands/serve';
import { templateList } from './commands/template-list';
import { templateImport, templateParse } from './commands/template-parse';
import { stamp } from './commands/stamp';
import { templateShow } from './commands/template-show';

export const HELP = `pledge — Pledge Desk (承诺书签署) from the command line

Usage: pledge [--data-dir DIR] [--json] <command> [options]

Commands:
  serve [--port N] [--no-open] [--recover] [FILE…]
                                    run the app in a browser (first line: the URL to open); with
                                    --recover it starts on a damaged database and offers a restore;
                                    FILEs (PDF, .pledgebundle) open in the page to stamp, verify or import
  template list                     list the templates
  template show ID                  show a template and its field ids
  template parse FILE               read the pledges in a document (.txt .md .html .docx .doc); store nothing
  template import FILE              read them and store each as a template
  fill --template ID --values FILE.json [--signer FILE.json] [--signature PNG]
       [--seal PNG] [--date YYYY-MM-DD] [--date-format zh|iso]
       [--p12 FILE --p12-pass-env VAR] --out FILE.pdf
                                    fill, sign and archive a pledge; write a copy to --out
  stamp IN.pdf --signature PNG [--seal PNG] [--date YYYY-MM-DD] [--page N|last|all] [--at X,Y]
       [--cross-page-seal] [--signer FILE.json] --out OUT.pdf
                                    stamp an outside PDF, archive it and write a copy (--at: PDF points
                                    from the bottom-left of the visible page; default: bottom right)
  archive list                      list archived pledges, newest first
  archive search QUERY              the records holding all the words (title, signer, organisation,
                                    clause text, filled values, id), newest first
  archive show ID [--reveal]        one record: signer, status, hashes, audit events (ID and phone
                                    numbers and addresses masked unless --reveal, which is logged as
                                    an audit event)
  archive verify FILE.pdf           is this PDF an archived one? exit 0 exact copy, 3 modified copy of a
                                    record, 4 unknown, 2 not a PDF
  archive verify --all              re-hash every stored PDF and scan, walk the audit chain; exit 3
                                    naming each failing record
  archive register --out FILE.csv|FILE.xlsx [IDS…] [--reveal]
                                    the register (台账) of the records named (default: all), personal
                                    data masked unless --reveal (logged as an audit event)
  archive export (--ids A,B | --all) --out FILE.pledgebundle [--include-personal-data]
                                    write records, their history, PDFs and scans to a bundle for
                                    another machine (personal data only when asked)
  archive import FILE.pledgebundle  check a bundle and import its records (exit 3: some skipped as
                                    conflicts with different records of the same id)
  backup --out FILE.pledgebackup    one file holding everything: a database snapshot, the archived PDFs
                                    and scans, and the SHA-256 of each
  restore FILE.pledgebackup         with the app closed: restore it into an empty data folder (no
                                    database, or a new one without data); every hash is checked first
  backup create [--out FILE]        back the database up into the data folder's backups (and copy it)
  backup list                       list the backups, newest first
  backup restore [--force]          with the app closed: replace a damaged or missing database with the
                                    newest sound backup (the old file is kept); --force: even a sound one
  api schema                        print the JSON Schema of every API method's input

Options:
  --data-dir DIR   data folder (default: $PLEDGE_DESK_HOME, else the platform's data folder)
  --json           print exactly one JSON document on stdout (nothing on failure)
  --help           show this help

values FILE.json: { "<fieldId>": "text" } for blanks; a choice as "<option>" or {"option": "其他", "other": "…"}.
signer FILE.json: { "type": "企业"|"个人"|"其他", "name": "…", "organisation": "…", … }
Exit status: 0 ok, 2 bad input, 1 internal error or unusable data folder, 3 archive import with conflicts,
archive verify of a modified copy or a failed archive check, 4 archive verify of an unknown PDF;
failures print "error: <CODE>: <message>" on stderr.
--json: list and search print [{"id","title","signer","signedAt","fileSha256"}]; verify FILE prints
{"status":"exact"|"modified"|"unknown","recordId"?}.
`;

/** A command resolves to its exit status when it is not simply 0. */
type Command = (ctx: CliContext) => Promise<void | number>;

const COMMANDS: Record<string, Command> = {
  serve,
  'template list': templateList,
  'template show': templateShow,
  'template parse': templateParse,
  'template import': templateImport,
  fill,
  stamp,
  'archive list': archiveList,
  'archive search': archiveSearch,
  'archive show': archiveShow,
  'archive verify': archiveVerify,
  'archive register': archiveRegister,
  'archive export': archiveExport,
  'archive import': archiveImport,
  backup: backupFull,
  restore: restoreFull,
  'backup create': backupCreate,
  'backup list': backupList,
  'backup restore': backupRestore,
  'api schema': apiSchema,
};

export interface CliPaths {
  resourcesDir: string;
  rendererDir: string;
}

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function runCli(argv: string[], io: CliIo, paths: CliPaths): Promise<number> {
  let host: Host | null = null;
  try {
    const { values: flags, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        json: { type: 'boolean' },
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        'no-open': { type: 'boolean' },
        template: { type: 'string' },
        values: { type: 'string' },
        signer: { type: 'string' },
        signature: { type: 'string' },
        seal: { type: 'string' },
        date: { type: 'string' },
        'date-format': { type: 'string' },
        p12: { type: 'string' },
        'p12-pass-env': { type: 'string' },
        out: { type: 'string' },
        page: { type: 'string' },
        at: { type: 'string' },
        'cross-page-seal': { type: 'boolean' },
        ids: { type: 'string' },
        all: { type: 'boolean' },
        'include-personal-data': { type: 'boolean' },
        reveal: { type: 'boolean' },
        force: { type: 'boolean' },
        recover: { type: 'boolean' },
      },
    });
    if (flags.help || positionals.length === 0) {
      io.stdout(HELP);
      return flags.help ? 0 : 2;
    }
    const [first = '', second = ''] = positionals;
    const twoWord = `${first} ${second}`;
    const name = COMMANDS[twoWord] ? twoWord : COMMANDS[first] ? first : null;
    if (!name) throw new CliFailure('USAGE', `unknown command "${positionals.join(' ')}"; see pledge --help`);
    const command = COMMANDS[name] as Command;
    const dataDir = resolveDataDir({ flag: flags['data-dir'], env: io.env, platform: process.platform, homedir: homedir() });
    const ctx: CliContext = {
      io,
      json: flags.json === true,
      positionals: positionals.slice(name.split(' ').length),
      flags,
      dataDir,
      ...paths,
      // `serve --recover` starts a recovery host on a damaged database (see createRecoveryHost).
      host: (mode = 'embedded') =>
        (host ??= (mode === 'browser' && flags.recover === true ? createHostOrRecovery : createHost)({ dataDir, resourcesDir: paths.resourcesDir, mode })),
    };
    return (await command(ctx)) ?? 0;
  } catch (error) {
    const { code, message } = describe(error);
    io.stderr(`error: ${code}: ${message}\n`);
    const restore = restoreHint(error);
    if (restore) io.stderr(restore);
    return exitCodeFor(code);
  } finally {
    const open = host as Host | null;
    // A one-shot command waits for the start-up backup (it takes milliseconds) rather than abort it.
    if (open) await open.autoBackup;
    open?.close();
  }
}

/** For a damaged or missing database: a line saying how to restore its latest backup (or that there is none). */
function restoreHint(error: unknown): string | null {
  if (!(error instanceof CoreError) || (error.code !== 'DB_CORRUPT' && error.code !== 'DB_MISSING') || !error.details) return null;
  const { latestBackup, restoreCommand } = error.details as { latestBackup?: { name: string; createdAt: string } | null; restoreCommand?: string };
  if (!restoreCommand) return null;
  if (!latestBackup) return 'restore: there is no backup to restore; the damaged database was left untouched\n';
  return `restore: ${restoreCommand}   (restores ${latestBackup.name}, taken ${latestBackup.createdAt}; or start \`pledge serve --recover\` to restore from the browser)\n`;
}

function describe(error: unknown): { code: CliFailure['code']; message: string } {
  if (error instanceof CliFailure || error instanceof CoreError) return { code: error.code, message: error.message };
  const nodeCode = (error as { code?: string }).code;
  if (nodeCode?.startsWith('ERR_PARSE_ARGS')) return { code: 'USAGE', message: (error as Error).message };
  if (isErrorCode(nodeCode)) return { code: nodeCode, message: (error as Error).message };
  return { code: 'INTERNAL', message: (error as Error)?.message ?? String(error) };
}
