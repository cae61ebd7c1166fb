-- Text-only domain data (type 'text') and archive uploads: a data file's transcript/text size and its sentence count.
ALTER TABLE "DataFiles" ADD COLUMN "TranscriptBytes" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "DataFiles" ADD COLUMN "Sentences" INTEGER NOT NULL DEFAULT 0;
