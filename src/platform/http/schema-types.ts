import { Type, type TSchema } from '@sinclair/typebox';

/** A field whose value may be JSON null (an unknown or not-yet-happened value), shared by every module's schemas. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
