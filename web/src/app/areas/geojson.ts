/** The small part of GeoJSON the web uses; boundaries carry `properties: {code, name}`. */
export interface Feature {
  type: 'Feature';
  properties: { code: string; name: string } & Record<string, unknown>;
  geometry: unknown;
}
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}
