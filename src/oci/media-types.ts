/** The manifest and blob media types of the Docker v2 (schema 2) and OCI image specifications. */
export const mediaTypes = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  dockerForeignLayer: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  ociLayerZstd: 'application/vnd.oci.image.layer.v1.tar+zstd'
} as const

/** Every manifest type we ask a registry for, in the Accept header of a manifest request. */
export const manifestMediaTypes: readonly string[] = [
  mediaTypes.ociIndex,
  mediaTypes.dockerManifestList,
  mediaTypes.ociManifest,
  mediaTypes.dockerManifest
]

/** Registries may append parameters (`; charset=utf-8`); compare the bare type. */
export function bareMediaType(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase()
}

/** An index (OCI) or manifest list (Docker): it points at other manifests, not at layers. */
export function isIndex(mediaType: string): boolean {
  const bare = bareMediaType(mediaType)
  return bare === mediaTypes.ociIndex || bare === mediaTypes.dockerManifestList
}

/** A single-platform image manifest (OCI or Docker v2 schema 2). */
export function isImageManifest(mediaType: string): boolean {
  const bare = bareMediaType(mediaType)
  return bare === mediaTypes.ociManifest || bare === mediaTypes.dockerManifest
}

export function isManifestMediaType(mediaType: string): boolean {
  return isIndex(mediaType) || isImageManifest(mediaType)
}

export interface Descriptor {
  mediaType: string
  digest: string
  size: number
  urls?: string[]
  platform?: { architecture: string; os: string; variant?: string }
  annotations?: Record<string, string>
}

export interface ImageManifest {
  schemaVersion: 2
  mediaType?: string
  config: Descriptor
  layers: Descriptor[]
  subject?: Descriptor
  annotations?: Record<string, string>
}

export interface ImageIndex {
  schemaVersion: 2
  mediaType?: string
  manifests: Descriptor[]
  subject?: Descriptor
  annotations?: Record<string, string>
}
