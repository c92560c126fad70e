import { Get, Header } from '@nestjs/common';
import { Public } from '../common/auth/auth.decorators';
import { ConsoleController } from './console-controller.decorator';

/* eslint-disable @typescript-eslint/no-require-imports -- twitter-text's compiled rules are CommonJS modules without types */
const rule = (module: string): { source: string; flags: string } => {
  const regex = require(module) as RegExp;
  return { source: regex.source, flags: regex.flags };
};

/**
 * twitter-text's own rules for X's weighted count, for the browser: its URL extractor, ASCII
 * domain and t.co expressions, twemoji's emoji expression and the weight table. twitter-text
 * ships no browser build; public/console/x-count.js runs parseTweet's loop on these, so the
 * console's live counter and the server's lint count agree (tested in x-count.spec.ts).
 */
function buildRules(): string {
  const configs = require('twitter-text/dist/configs.js') as { defaults: unknown };
  const rules = {
    config: configs.defaults,
    extractUrl: rule('twitter-text/dist/regexp/extractUrl.js'),
    validAsciiDomain: rule('twitter-text/dist/regexp/validAsciiDomain.js'),
    invalidUrlWithoutProtocolPrecedingChars: rule('twitter-text/dist/regexp/invalidUrlWithoutProtocolPrecedingChars.js'),
    validTcoUrl: rule('twitter-text/dist/regexp/validTcoUrl.js'),
    emoji: { source: (require('twemoji-parser/dist/lib/regex.js') as { default: RegExp }).default.source, flags: 'g' },
  };
  return `// Generated from twitter-text ${require('twitter-text/package.json').version}: do not edit.\nwindow.GaungXRules = ${JSON.stringify(rules)};\n`;
}

let cached: string | undefined;
export const xCountRulesScript = () => (cached ??= buildRules());

@ConsoleController('konsol')
export class XCountRulesController {
  @Public()
  @Get('x-rules.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=86400')
  rules(): string {
    return xCountRulesScript();
  }
}
