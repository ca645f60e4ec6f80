-- An England-sized dataset beside the demo borough, for the benchmarks (scripts/bench-gaps.sh, scripts/bench-load.sh):
-- 300 districts (E08000001-E08000300), 6,900 wards, 33,755 LSOAs and 200,000 places (85% open) over a 2° × 1.38°
-- block of Wales and the Marches, away from the demo borough. Seeded, so every run makes the same data.
SELECT setseed(0.42) AS seed \gset
INSERT INTO "LocalAuthorities" ("Code", "Name")
SELECT 'E08' || lpad(d::text, 6, '0'), 'Benchmark district ' || d FROM generate_series(1, 300) AS d;

-- 6,900 wards of 0.02° × 0.02° in 69 rows of 100, 23 to a district.
INSERT INTO "Wards" ("Code", "Name", "BoundaryYear", "LocalAuthorityCode", "Boundary", "ImdScore")
SELECT 'E05' || lpad((900000 + k)::text, 6, '0'), 'Benchmark ward ' || k, 2022,
       'E08' || lpad((k / 23 + 1)::text, 6, '0'),
       ST_Multi(ST_MakeEnvelope(-4 + (k % 100) * 0.02, 52 + (k / 100) * 0.02, -4 + (k % 100 + 1) * 0.02, 52 + (k / 100 + 1) * 0.02, 4326)),
       5 + random() * 55
FROM generate_series(0, 6899) AS k;

UPDATE "LocalAuthorities" AS a SET "Boundary" = (SELECT ST_Multi(ST_Union(w."Boundary")) FROM "Wards" AS w WHERE w."LocalAuthorityCode" = a."Code")
WHERE a."Code" LIKE 'E08%';

-- 33,755 LSOAs at random points, each assigned to the ward its point falls in.
INSERT INTO "Lsoas" ("Code", "Name", "Vintage", "LocalAuthorityCode", "Boundary", "ReferencePoint", "Population", "ImdScore", "WardId")
SELECT 'E01' || lpad((900000 + n)::text, 6, '0'), 'Benchmark LSOA ' || n, 2021, w."LocalAuthorityCode",
       ST_Multi(ST_Expand(p.pt, 0.001)), p.pt, 1000 + floor(random() * 2000)::int, 5 + random() * 55, w."Id"
FROM (SELECT n, ST_SetSRID(ST_MakePoint(-4 + random() * 2, 52 + random() * 1.38), 4326) AS pt FROM generate_series(1, 33755) AS n) AS p
JOIN "Wards" AS w ON w."Code" = 'E05' || lpad((900000 + least(floor((ST_X(p.pt) + 4) / 0.02), 99)::int
                                                + 100 * least(floor((ST_Y(p.pt) - 52) / 0.02), 68)::int)::text, 6, '0');

-- 200,000 places of the 14 physical categories, 85% open, half with a capacity.
INSERT INTO "Places" ("Id", "Name", "CategorySlug", "Ownership", "Permanence", "Activity", "Presence", "Location", "Capacity",
  "AccessibilityFeatures", "Provenance_Licence", "Provenance_RecordedAt", "Provenance_RecordedBy", "Provenance_Source", "Provenance_SourceId")
SELECT gen_random_uuid(), 'Benchmark place ' || n,
       (ARRAY['community-centre','library','park','playground','garden-allotment','market','place-of-worship','sports','youth',
              'cafe-pub','arts','education','health','social-care'])[1 + n % 14],
       'Public', 'Enduring', CASE WHEN random() < 0.85 THEN 'Active' ELSE 'Dormant' END, 'Physical',
       ST_SetSRID(ST_MakePoint(-4 + random() * 2, 52 + random() * 1.38), 4326),
       CASE WHEN n % 2 = 0 THEN 10 + floor(random() * 190)::int END,
       '{}', 'OGL-UK-3.0', now(), 'benchmark', 'benchmark', n::text
FROM generate_series(1, 200000) AS n;
VACUUM ANALYZE;
