-- Text-only domain data (type 'text') and archive uploads: a data file's transcript/text size and its sentence count.
ALTER TABLE "DataFiles" ADD COLUMN "TranscriptBytes" bigint NOT NULL DEFAULT 0;

ALTER TABLE "DataFiles" ADD COLUMN "Sentences" integer NOT NULL DEFAULT 0;
