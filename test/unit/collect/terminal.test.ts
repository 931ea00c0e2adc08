import { describe, expect, it } from 'vitest';
import { currentLine, renderTerminal } from '../../../src-main/core/collect/terminal';

const MORE = '<--- More --->';

describe('terminal rendering of device output', () => {
  it('turns CRLF into lines and drops trailing blanks', () => {
    expect(renderTerminal('access-list a extended permit ip any any   \r\n: end\r\n')).toEqual(['access-list a extended permit ip any any', ': end', '']);
    expect(renderTerminal('one\r\r\ntwo\n')).toEqual(['one', 'two', '']);
  });

  it('removes an ASA pager prompt erased with backspaces, spaces and backspaces', () => {
    const erase = '\b'.repeat(MORE.length) + ' '.repeat(MORE.length) + '\b'.repeat(MORE.length);
    expect(renderTerminal(`line 24\r\n${MORE}${erase}line 25\r\n`)).toEqual(['line 24', 'line 25', '']);
    expect(renderTerminal(`line 24\r\n${MORE}${erase}ab\r\n`)).toEqual(['line 24', 'ab', '']);
  });

  it('removes a pager prompt erased with a carriage return and blanks, or with erase-line', () => {
    expect(renderTerminal(` --More-- \r          \rinterface port1\r\n`)).toEqual(['interface port1', '']);
    expect(renderTerminal(`--More--\r\x1b[Kset vdom root\n`)).toEqual(['set vdom root', '']);
    expect(renderTerminal(`--More--\x1b[2K\rx\n`)).toEqual(['x', '']);
  });

  it('drops colours, modes, OSC titles and other control characters without losing text', () => {
    const text = '\x1b[1m*** Authorized ***\x1b[0m\r\n\x1b]0;fw01\x07\x1b[?1h\x1b=fw01> \x07';
    expect(renderTerminal(text)).toEqual(['*** Authorized ***', 'fw01>']);
  });

  it('follows cursor movement sequences', () => {
    expect(renderTerminal('abcdef\x1b[3Dxy\n')).toEqual(['abcxyf', '']);
    expect(renderTerminal('ab\x1b[2Cz\n')).toEqual(['ab  z', '']);
  });

  it('shows the line being written now', () => {
    expect(currentLine('output\r\nmore\r\nfw01/admin# ')).toBe('fw01/admin#');
    expect(currentLine(`x\r\n${MORE}`)).toBe(MORE);
  });
});
