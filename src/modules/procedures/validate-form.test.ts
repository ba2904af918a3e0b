import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error.js';
import { sampleProcedure } from '../../../test/support/fixtures.js';
import { assertApplicationForm, validateApplicationForm } from './validate-form.js';

const version = { ...sampleProcedure('1.000001'), version: 1 };

describe('application form data against a procedure version', () => {
  it('accepts data that fits the form', () => {
    expect(validateApplicationForm(version, { hoTen: 'Lò Văn Páo', ngaySinh: '2026-11-02' }, 'vi')).toEqual([]);
  });

  it('names each wrong field under /form in Vietnamese', () => {
    const errors = validateApplicationForm(version, { hoTen: 'A', ngaySinh: '02/11/2026', thua: 1 }, 'vi');
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: '/form/hoTen', message: 'Phải có ít nhất 2 ký tự.' },
        { path: '/form/ngaySinh', message: 'Không đúng định dạng ngày (yyyy-MM-dd).' },
        { path: '/form/thua', message: 'Trường này không được phép.' },
      ]),
    );
    expect(errors).toHaveLength(3);
  });

  it('reports missing fields, in English when asked', () => {
    expect(validateApplicationForm(version, {}, 'en')).toEqual([
      { path: '/form/hoTen', message: 'This field is required.' },
      { path: '/form/ngaySinh', message: 'This field is required.' },
    ]);
  });

  it('keeps the validator of the version a dossier was filed under', () => {
    // Version 2 of the same code drops the date: each version answers by its own schema.
    const version2 = { ...version, version: 2, form: { schema: { type: 'object', properties: { hoTen: { type: 'string' } } } } };
    expect(validateApplicationForm(version2, { hoTen: 'Lò Văn Páo' }, 'vi')).toEqual([]);
    expect(validateApplicationForm(version, { hoTen: 'Lò Văn Páo' }, 'vi')).toEqual([{ path: '/form/ngaySinh', message: 'Trường này là bắt buộc.' }]);
  });

  it('throws VALIDATION_FAILED with the field errors', () => {
    try {
      assertApplicationForm(version, { hoTen: 'Lò Văn Páo' }, 'vi');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('VALIDATION_FAILED');
      expect((error as AppError).fieldErrors).toEqual([{ path: '/form/ngaySinh', message: 'Trường này là bắt buộc.' }]);
    }
  });
});
