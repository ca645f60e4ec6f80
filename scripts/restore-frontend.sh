#!/usr/bin/env bash
# Restores the front-end libraries declared in src/SocialInfra.Web/libman.json
# without LibMan or a CDN, using only the npm registry, then compiles
# src/SocialInfra.Web/Styles/site.scss to src/SocialInfra.Web/wwwroot/css/site.css.
#
# LibMan semantics are kept: every listed file is copied to
# <destination>/<file path as listed>, e.g. "dist/leaflet.js" with destination
# "wwwroot/lib/leaflet/" lands at wwwroot/lib/leaflet/dist/leaflet.js. With the
# jsdelivr provider, "name@version" files are laid out as in the npm package,
# so the npm tarball is an exact stand-in for the CDN.
#
# Each destination folder is deleted before copying, so files removed from
# libman.json also disappear from wwwroot.
#
# Usage: scripts/restore-frontend.sh   (from any working directory)
set -euo pipefail

# Pinned Sass compiler (npm package "sass", Dart Sass compiled to JS).
SASS_VERSION="1.108.2"

script_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd -- "${script_dir}/.." && pwd)"
web_dir="${repo_root}/src/SocialInfra.Web"
libman_json="${web_dir}/libman.json"
scss_input="${web_dir}/Styles/site.scss"
css_output="${web_dir}/wwwroot/css/site.css"

for tool in node npm tar; do
  command -v "${tool}" >/dev/null 2>&1 || { echo "error: '${tool}' is required" >&2; exit 1; }
done
[[ -f "${libman_json}" ]] || { echo "error: ${libman_json} not found" >&2; exit 1; }

work_dir="$(mktemp -d "${TMPDIR:-/tmp}/restore-frontend.XXXXXX")"
cleanup() { rm -rf -- "${work_dir}"; }
trap cleanup EXIT

# Keep npm quiet and side-effect free: no audit/fund calls, no lifecycle scripts.
npm_flags=(--no-audit --no-fund --ignore-scripts --loglevel=error)

# ---------------------------------------------------------------------------
# 1. Parse libman.json into a tab-separated plan:
#      L <library> <destination>
#      F <library> <file>            (one per listed file)
#      A <library>                   (no "files": copy the whole package)
# ---------------------------------------------------------------------------
plan="${work_dir}/plan.tsv"
node - "${libman_json}" >"${plan}" <<'NODE'
const fs = require("fs");
const path = require("path");
const file = process.argv[2];
const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
const fail = (msg) => { console.error(`error: ${path.basename(file)}: ${msg}`); process.exit(1); };

if (manifest.version !== "1.0") fail(`unsupported version "${manifest.version}"`);
const libs = manifest.libraries;
if (!Array.isArray(libs) || libs.length === 0) fail("no libraries declared");

const bad = (s) => typeof s !== "string" || s === "" || /[\t\n\r]/.test(s);
const unsafePath = (p) => path.isAbsolute(p) || p.split(/[\\/]/).includes("..");

for (const lib of libs) {
  const name = lib.library;
  if (bad(name)) fail("library entry without a valid \"library\"");
  const provider = lib.provider || manifest.defaultProvider;
  if (provider !== "jsdelivr" && provider !== "unpkg") {
    fail(`${name}: provider "${provider}" is not backed by npm; only jsdelivr/unpkg are supported`);
  }
  // npm spec: name@version or @scope/name@version, with an exact version.
  if (!/^(@[a-z0-9._~-]+\/)?[a-z0-9._~-]+@\d+\.\d+\.\d+([-+][0-9A-Za-z.+-]+)?$/i.test(name)) {
    fail(`${name}: expected "name@x.y.z" with an exact version`);
  }
  const dest = lib.destination || manifest.defaultDestination;
  if (bad(dest)) fail(`${name}: no destination`);
  if (unsafePath(dest)) fail(`${name}: destination must be a relative path inside the project`);
  const normDest = path.posix.normalize(dest.replace(/\\/g, "/")).replace(/\/+$/, "");
  if (!normDest.startsWith("wwwroot/lib/")) fail(`${name}: destination must be below wwwroot/lib/`);
  console.log(["L", name, normDest].join("\t"));

  if (lib.files === undefined) {
    console.log(["A", name].join("\t"));
    continue;
  }
  if (!Array.isArray(lib.files) || lib.files.length === 0) fail(`${name}: "files" must be a non-empty array`);
  for (const f of lib.files) {
    if (bad(f) || unsafePath(f) || f.includes("*")) fail(`${name}: invalid file "${f}"`);
    console.log(["F", name, f.replace(/\\/g, "/")].join("\t"));
  }
}
NODE

# Library spec -> extracted package folder.
declare -A pkg_dir=()
declare -A dest_dir=()
libraries=()

# ---------------------------------------------------------------------------
# 2. Fetch every library once with `npm pack` (integrity-checked by npm) and
#    extract it.
# ---------------------------------------------------------------------------
while IFS=$'\t' read -r kind lib rest; do
  [[ "${kind}" == "L" ]] || continue
  if [[ -n "${pkg_dir[${lib}]+set}" ]]; then
    echo "error: ${lib} is declared more than once" >&2
    exit 1
  fi
  libraries+=("${lib}")
  dest_dir["${lib}"]="${rest}"

  idx="${#libraries[@]}"
  pack_dir="${work_dir}/pack/${idx}"
  extract_dir="${work_dir}/pkg/${idx}"
  mkdir -p "${pack_dir}" "${extract_dir}"

  echo "Fetching ${lib}"
  tarball="$(cd "${pack_dir}" && npm pack "${npm_flags[@]}" --pack-destination "${pack_dir}" "${lib}" </dev/null | tail -n 1)"
  [[ -f "${pack_dir}/${tarball}" ]] || { echo "error: npm pack ${lib} produced no tarball" >&2; exit 1; }
  tar -xzf "${pack_dir}/${tarball}" -C "${extract_dir}" --no-same-owner --no-same-permissions

  # npm tarballs normally have a single top-level folder ("package/"), but the
  # name is not guaranteed, so take whatever single folder is there.
  mapfile -t tops < <(find "${extract_dir}" -mindepth 1 -maxdepth 1)
  if [[ "${#tops[@]}" -ne 1 || ! -d "${tops[0]}" ]]; then
    echo "error: unexpected tarball layout for ${lib}" >&2
    exit 1
  fi
  pkg_dir["${lib}"]="${tops[0]}"
done <"${plan}"

# ---------------------------------------------------------------------------
# 3. Clear every destination, then copy the listed files (LibMan layout:
#    destination + file path as given). Files get mode 0644 regardless of the
#    tarball's permissions.
# ---------------------------------------------------------------------------
# Check every listed file exists before touching wwwroot.
while IFS=$'\t' read -r kind lib rest; do
  if [[ "${kind}" == "F" && ! -f "${pkg_dir[${lib}]}/${rest}" ]]; then
    echo "error: ${lib} has no file '${rest}'" >&2
    exit 1
  fi
done <"${plan}"

for lib in "${libraries[@]}"; do
  rm -rf -- "${web_dir:?}/${dest_dir[${lib}]:?}"
done

copied=0
while IFS=$'\t' read -r kind lib rest; do
  case "${kind}" in
    F)
      src="${pkg_dir[${lib}]}/${rest}"
      dst="${web_dir}/${dest_dir[${lib}]}/${rest}"
      install -D -m 0644 -- "${src}" "${dst}"
      copied=$((copied + 1))
      ;;
    A)
      src_root="${pkg_dir[${lib}]}"
      while IFS= read -r -d '' f; do
        rel="${f#"${src_root}"/}"
        install -D -m 0644 -- "${f}" "${web_dir}/${dest_dir[${lib}]}/${rel}"
        copied=$((copied + 1))
      done < <(find "${src_root}" -type f -print0)
      ;;
  esac
done <"${plan}"
echo "Copied ${copied} file(s) into ${web_dir}/wwwroot/lib"

# ---------------------------------------------------------------------------
# 4. Compile Styles/site.scss with the pinned Sass against the same
#    govuk-frontend version that libman.json declares.
# ---------------------------------------------------------------------------
govuk_spec=""
for lib in "${libraries[@]}"; do
  if [[ "${lib}" == govuk-frontend@* ]]; then govuk_spec="${lib}"; fi
done
[[ -n "${govuk_spec}" ]] || { echo "error: govuk-frontend is not declared in libman.json" >&2; exit 1; }

sass_dir="${work_dir}/sass"
mkdir -p "${sass_dir}"
echo "Installing sass@${SASS_VERSION} and ${govuk_spec} for the Sass build"
npm install --no-save --no-package-lock "${npm_flags[@]}" --prefix "${sass_dir}" \
  "sass@${SASS_VERSION}" "${govuk_spec}" >/dev/null

sass_bin="${sass_dir}/node_modules/.bin/sass"
actual_sass="$("${sass_bin}" --version)"
if [[ "${actual_sass}" != "${SASS_VERSION}"* ]]; then
  echo "error: expected sass ${SASS_VERSION}, got ${actual_sass}" >&2
  exit 1
fi

css_tmp="${work_dir}/site.css"
"${sass_bin}" \
  --no-source-map \
  --style=compressed \
  --load-path="${sass_dir}/node_modules" \
  "${scss_input}" "${css_tmp}"

# The output must not use or reference the GOV.UK-only GDS Transport typeface.
if grep -qi "GDS Transport" "${css_tmp}"; then
  echo "error: compiled CSS mentions GDS Transport" >&2
  exit 1
fi
if grep -qiE "@font-face|/fonts/|\.woff2?\b" "${css_tmp}"; then
  echo "error: compiled CSS references font files" >&2
  exit 1
fi

mkdir -p "$(dirname -- "${css_output}")"
install -m 0644 -- "${css_tmp}" "${css_output}"
echo "Compiled ${scss_input#"${repo_root}"/} -> ${css_output#"${repo_root}"/}"
