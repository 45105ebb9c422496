// JSON Schemas generated from the field tables (fields.ts, v2-fields.ts), so they cannot drift from the
// model. Any v1 field may be null (the SDK writes nulls freely); unknown keys are refused except where
// other rules own the keys (the conda spec).
import { V1_FIELDS, type FieldSpec } from './fields.js';
import { V2_FIELDS } from './v2-fields.js';

type Schema = Record<string, unknown>;

function toSchema(spec: FieldSpec, nullable: boolean): Schema {
  const types = (t: string) => (nullable ? [t, 'null'] : t);
  const out: Schema = { description: spec.deprecated ? `${spec.doc} Deprecated: ${spec.deprecated}` : spec.doc };
  if (spec.deprecated) out.deprecated = true;
  switch (spec.kind) {
    case 'string':
      out.type = types('string');
      break;
    case 'boolean':
      out.type = types('boolean');
      break;
    case 'number':
      out.type = types('number');
      break;
    case 'array':
      out.type = types('array');
      if (spec.items) out.items = toSchema(spec.items, nullable);
      break;
    case 'map':
      out.type = types('object');
      if (spec.items) out.additionalProperties = toSchema(spec.items, false);
      break;
    case 'object':
      out.type = types('object');
      if (spec.fields)
        out.properties = Object.fromEntries(Object.entries(spec.fields).map(([k, f]) => [k, toSchema(f, nullable)]));
      out.additionalProperties = Boolean(spec.open);
      break;
  }
  if (spec.default !== undefined) out.default = spec.default;
  return out;
}

export function v1JsonSchema(): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/amlenv/amlenv/schema/v1-environment.json',
    title: 'Azure ML environment (SDK v1, azureml_environment.json)',
    ...toSchema(
      { kind: 'object', fields: V1_FIELDS, doc: 'An Azure Machine Learning environment in the SDK v1 JSON form.' },
      true,
    ),
    type: 'object',
  };
}

export function v2JsonSchema(): Schema {
  const properties: Record<string, Schema> = Object.fromEntries(
    Object.entries(V2_FIELDS).map(([k, f]) => [k, toSchema(f, false)]),
  );
  properties.conda_file = { description: V2_FIELDS.conda_file.doc, type: ['string', 'object'] };
  properties.version = { description: V2_FIELDS.version.doc, type: ['string', 'number'] };
  const body = {
    ...toSchema(
      {
        kind: 'object',
        fields: V2_FIELDS,
        doc: 'An Azure Machine Learning environment in the v2 (CLI/SDK v2) YAML form.',
      },
      false,
    ),
    properties,
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/amlenv/amlenv/schema/v2-environment.json',
    title: 'Azure ML environment (v2 YAML)',
    ...body,
    required: ['name'],
    oneOf: [
      { required: ['image'], not: { required: ['build'] } },
      { required: ['build'], not: { anyOf: [{ required: ['image'] }, { required: ['conda_file'] }] } },
    ],
  };
}
