import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../core/errors';
import type { ShiftTemplate } from '../../../core/template';
import { draftOf, namedErrors, valuesOf } from '../../../renderer/roster/templates/draft';

const template: ShiftTemplate = { id: 3, teamId: 1, code: 'E', name: 'Early', startLocal: '08:00', endLocal: '16:30', breakMinutes: 30, color: '#4e79a7', skill: null };

describe('a template as typed', () => {
  it('the break becomes text and no skill an empty choice, and back', () => {
    const d = draftOf(template);
    expect(d).toMatchObject({ code: 'E', name: 'Early', breakMinutes: '30', skill: '' });
    expect(valuesOf(d)).toEqual({ code: 'E', name: 'Early', startLocal: '08:00', endLocal: '16:30', breakMinutes: 30, color: '#4e79a7', skill: null });
    expect(valuesOf({ ...d, skill: 'chat' }).skill).toBe('chat');
  });

  it('an empty break is not a number (so the API refuses it), a half-typed one neither', () => {
    expect(valuesOf({ ...draftOf(template), breakMinutes: '  ' }).breakMinutes).toBeNaN();
    expect(valuesOf({ ...draftOf(template), breakMinutes: '3x' }).breakMinutes).toBeNaN();
    expect(valuesOf({ ...draftOf(template), breakMinutes: ' 45 ' }).breakMinutes).toBe(45);
  });
});

describe('template field errors', () => {
  it('a generic code on the code, name or break names its field; specific codes and other fields stay', () => {
    const error: ApiError = {
      code: 'too_big',
      message: 'Too big',
      path: ['code'],
      issues: [
        { code: 'required', message: 'Required', path: ['name'] },
        { code: 'invalid_type', message: 'Expected number', path: ['breakMinutes'] },
        { code: 'invalid_format', message: 'Bad time', path: ['startLocal'] },
      ],
    };
    const named = namedErrors(error);
    expect(named.get('code')?.code).toBe('templateField.code');
    expect(named.get('name')?.code).toBe('templateField.name');
    expect(named.get('breakMinutes')?.code).toBe('templateField.breakMinutes');
    expect(named.get('startLocal')?.code).toBe('invalid_format');
    expect(namedErrors({ code: 'duplicate_code', message: 'Taken', path: ['code'] }).get('code')?.code).toBe('duplicate_code');
    expect(namedErrors(null).size).toBe(0);
  });
});
