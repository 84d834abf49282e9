import { describe, expect, it } from 'vitest';
import { MAX_CHARS, markdownCode, markdownText } from './markdown';

describe('markdownText', () => {
  it.each([
    ['Priya Natarajan', 'Priya Natarajan'],
    ['Zoë 👩🏽‍💻 مرحبا', 'Zoë 👩🏽‍💻 مرحبا'],
    [
      '**[click](http://evil.example)**\n# Heading',
      '\\*\\*\\[click\\]\\(http\\://evil\\.example\\)\\*\\* \\# Heading',
    ],
    ['`x` <script>', '\\`x\\` \\<script\\>'],
    ['![img](x) | a | b |', '\\!\\[img\\]\\(x\\) \\| a \\| b \\|'],
    ['_a_ ~~b~~ $c$ ^d^ ==e== {f}', '\\_a\\_ \\~\\~b\\~\\~ \\$c\\$ \\^d\\^ \\=\\=e\\=\\= \\{f\\}'],
    ['+ - > 1.', '\\+ \\- \\> 1\\.'],
    ['www.evil.example ops@evil.example', 'www\\.evil\\.example ops\\@evil\\.example'],
    ['&#x202E;evil &amp;', '\\&\\#x202E;evil \\&amp;'],
    ['back\\slash', 'back\\\\slash'],
    ['O\'Brien, "Jr"; 50% / ?', 'O\'Brien, "Jr"; 50% / ?'],
  ])('escapes %j as %j', (text, expected) => {
    expect(markdownText(text)).toBe(expected);
  });

  it('keeps it on one line, each run of breaks and tabs one space', () => {
    expect(markdownText('a\r\nb\n\n\nc\rd\te\u2028f\u2029g\u0085h\vi\fj')).toBe(
      'a b c d e f g h i j',
    );
  });

  it('writes out control, direction and zero-width characters, unescaped', () => {
    expect(markdownText('a\u0000b\u0007c\u001Bd\u007Fe\u009Bf')).toBe(
      'a⟦U+0000⟧b⟦U+0007⟧c⟦U+001B⟧d⟦U+007F⟧e⟦U+009B⟧f',
    );
    expect(markdownText('\u202Eevil\u202C x\u200By')).toBe('⟦U+202E⟧evil⟦U+202C⟧ x⟦U+200B⟧y');
  });

  it('trims the ends, and gives an empty string for blank text', () => {
    expect(markdownText('  Priya \n')).toBe('Priya');
    expect(markdownText(' \r\n\t ')).toBe('');
  });

  it('cuts text longer than 120 characters and says how long it was', () => {
    expect(markdownText('x'.repeat(MAX_CHARS))).toBe('x'.repeat(120));
    expect(markdownText('x'.repeat(10_000))).toBe(`${'x'.repeat(120)} … (10000 characters)`);
    expect(markdownText('*'.repeat(121))).toBe(`${'\\*'.repeat(120)} … (121 characters)`);
  });

  it('counts and cuts by characters, never splitting an emoji', () => {
    expect(markdownText('😀'.repeat(130))).toBe(`${'😀'.repeat(120)} … (130 characters)`);
  });

  it('takes another limit', () => {
    expect(markdownText('abcdef', 3)).toBe('abc … (6 characters)');
  });
});

describe('markdownCode', () => {
  it.each([
    ['a3e9c1d7-2b4f-4e6a-8c0d-5f7b9e1a3c22', '`a3e9c1d7-2b4f-4e6a-8c0d-5f7b9e1a3c22`'],
    ['crm_48213*[x](y)<b>&amp;', '`crm_48213*[x](y)<b>&amp;`'],
    ['a`b', '``a`b``'],
    ['a``b`c', '```a``b`c```'],
    ['`start', '`` `start ``'],
    ['end`', '`` end` ``'],
    [' both ', '`  both  `'],
    [' ', '` `'],
    ['two\nlines\r\nhere', '`two lines here`'],
    ['\u202Eid\u0000', '`⟦U+202E⟧id⟦U+0000⟧`'],
  ])('shows %j as %j', (text, expected) => {
    expect(markdownCode(text)).toBe(expected);
  });

  it('gives an empty string for empty text', () => {
    expect(markdownCode('')).toBe('');
  });

  it('cuts long text outside the span', () => {
    expect(markdownCode('9'.repeat(500))).toBe(`\`${'9'.repeat(120)}\` … (500 characters)`);
  });
});
