import type { SheetSourceRef } from '../model/index';
import { normaliseHeader, type ObjectField } from './column-fields';
import type { ObjectColumnMapping } from './column-mapping';
import { cellText, isBlankRow, type SheetGrid } from './grid';
import type { ImportContext } from './import-context';

export type ObjectKind = 'network' | 'service';

/** A cell an object's definition came from, so problems are said at that cell. */
export interface DefinitionCell {
  text: string;
  row: number;
  column: number;
  sheet: string;
}

/** An object as the sheet defines it, before names are resolved. */
export interface ObjectDefinition {
  name: string;
  /** From the Type column or the sheet's name; undefined when only the values can tell. */
  kind?: ObjectKind;
  isGroup: boolean;
  values: DefinitionCell[];
  members: DefinitionCell[];
  /** Service objects: the protocol of ports written without one. */
  protocol?: DefinitionCell;
  description?: string;
  ref: SheetSourceRef;
}

const NETWORK_TYPES = /^(host|ip|ip netmask|ipmask|ip mask|subnet|network|ip range|iprange|range|fqdn|address|address range|addr)$/;
const SERVICE_TYPES = /^(service|services|tcp|udp|sctp|port|ports|tcp udp|custom service)$/;
const NETWORK_GROUP_TYPES = /^(address group|addrgrp|network group|address grp|host group|group of hosts)$/;
const SERVICE_GROUP_TYPES = /^(service group|servicegroup|service grp|port group)$/;

/** What the Type cell says the object is; the sheet's name decides when it only says "group". */
function typeOf(text: string, sheetKind: ObjectKind | undefined): { kind?: ObjectKind; isGroup: boolean } | undefined {
  const type = normaliseHeader(text);
  if (type === '') return { ...(sheetKind && { kind: sheetKind }), isGroup: false };
  if (NETWORK_GROUP_TYPES.test(type)) return { kind: 'network', isGroup: true };
  if (SERVICE_GROUP_TYPES.test(type)) return { kind: 'service', isGroup: true };
  if (type === 'group' || type === 'object group') return { ...(sheetKind && { kind: sheetKind }), isGroup: true };
  if (NETWORK_TYPES.test(type)) return { kind: 'network', isGroup: false };
  if (SERVICE_TYPES.test(type)) return { kind: 'service', isGroup: false };
  return undefined;
}

/** "Service Objects" holds services, "Address Objects" addresses; "Objects" and "Groups" say nothing. */
function kindOfSheet(name: string): ObjectKind | undefined {
  if (/service|port/i.test(name)) return 'service';
  if (/address|network|host|subnet/i.test(name)) return 'network';
  return undefined;
}

/**
 * An objects sheet's rows as definitions. A row with no name continues the object above (one
 * member per row, or a merged name cell); a repeated header row is skipped; a name defined twice
 * adds to the first definition, with a warning.
 */
export function readObjectDefinitions(sheet: SheetGrid, mapping: ObjectColumnMapping, ctx: ImportContext, into: Map<string, ObjectDefinition>): void {
  const column = (field: ObjectField) => mapping.fields[field]?.column;
  const cell = (row: number, field: ObjectField): DefinitionCell | undefined => {
    const at = column(field);
    if (at === undefined) return undefined;
    const text = cellText(sheet, row, at).trim();
    return text === '' ? undefined : { text, row, column: at, sheet: sheet.name };
  };
  const sheetKind = kindOfSheet(sheet.name);
  let current: ObjectDefinition | undefined;
  for (let row = 0; row < sheet.rows.length; row++) {
    if (row < mapping.headerRow) {
      if (!isBlankRow(sheet.rows[row])) ctx.outcome(sheet.name, row, row === mapping.headerRow - 1 ? 'understood' : 'ignored');
      continue;
    }
    if (isBlankRow(sheet.rows[row])) continue;
    const name = cell(row, 'name');
    const values = withMask(cell(row, 'value'), cell(row, 'mask'));
    const members = cell(row, 'members');
    if (name !== undefined && normaliseHeader(name.text) === normaliseHeader(mapping.fields.name!.header)) {
      ctx.outcome(sheet.name, row, 'ignored');
      ctx.atRow(sheet.name, row, 'info', 'the header repeated: skipped');
      continue;
    }
    if (name === undefined) {
      if (current && (values || members)) {
        if (values) current.values.push(values);
        if (members) current.members.push(members);
        ctx.outcome(sheet.name, row, 'understood');
      } else {
        ctx.outcome(sheet.name, row, 'ignored');
        ctx.atRow(sheet.name, row, 'info', 'no object name and nothing to add to an object above: skipped');
      }
      continue;
    }
    const typeCell = cell(row, 'type');
    const type = typeOf(typeCell?.text ?? '', sheetKind);
    if (type === undefined) ctx.atCell(sheet.name, row, typeCell!.column, 'warning', `"${typeCell!.text}" is not an object type this reader knows; the values decide what ${name.text} is`);
    const existing = into.get(name.text);
    if (existing && existing !== current) {
      ctx.atCell(sheet.name, row, name.column, 'warning', `${name.text} is defined again (first at ${existing.ref.sheet} row ${existing.ref.row}); the rows are read as one object`);
    }
    current = existing ?? {
      name: name.text,
      ...(type?.kind && { kind: type.kind }),
      isGroup: type?.isGroup ?? false,
      values: [],
      members: [],
      ref: ctx.ref(sheet, row),
    };
    if (values) current.values.push(values);
    if (members) current.members.push(members);
    // SmartConsole and FortiGate put the protocol in the Type column of a service ("TCP").
    const protocol = cell(row, 'protocol') ?? (typeCell && /^(tcp|udp|sctp)$/i.test(typeCell.text) ? typeCell : undefined);
    if (protocol) current.protocol = protocol;
    const description = cell(row, 'description');
    if (description) current.description = description.text;
    into.set(name.text, current);
    ctx.outcome(sheet.name, row, 'understood');
  }
}

/** SmartConsole lists a network's mask in its own column: "10.10.20.0" and "255.255.255.0" (or "24"). */
function withMask(value: DefinitionCell | undefined, mask: DefinitionCell | undefined): DefinitionCell | undefined {
  if (value === undefined || mask === undefined) return value;
  return { ...value, text: /^\d{1,3}$/.test(mask.text) ? `${value.text}/${mask.text}` : `${value.text} ${mask.text}` };
}
