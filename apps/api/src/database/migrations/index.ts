import { Foundation1763800000000 } from './1763800000000-Foundation';
import { PartnerScreening1763900000000 } from './1763900000000-PartnerScreening';
import { Agreements1764000000000 } from './1764000000000-Agreements';
import { DealRegistrations1764100000000 } from './1764100000000-DealRegistrations';
import { EvidenceFiles1764200000000 } from './1764200000000-EvidenceFiles';
import { Training1764300000000 } from './1764300000000-Training';
import { JobRuns1764400000000 } from './1764400000000-JobRuns';
import { RegistrationSweepIndexes1764500000000 } from './1764500000000-RegistrationSweepIndexes';
import { TrainingSweepIndexes1764600000000 } from './1764600000000-TrainingSweepIndexes';
import { RegistrationMatching1764700000000 } from './1764700000000-RegistrationMatching';
import { RequestCounters1764750000000 } from './1764750000000-RequestCounters';
import { RegistrationIndexTuning1764800000000 } from './1764800000000-RegistrationIndexTuning';
import { ListIndexes1764810000000 } from './1764810000000-ListIndexes';
import { AccessAdministration1764840000000 } from './1764840000000-AccessAdministration';
import { RegistrationReviewComment1764820000000 } from './1764820000000-RegistrationReviewComment';
import { RecomputeNameCores1764860000000 } from './1764860000000-RecomputeNameCores';
import { NameAltKeys1764870000000 } from './1764870000000-NameAltKeys';
import { SearchIndexPendingList1764880000000 } from './1764880000000-SearchIndexPendingList';
import { ListSearchBigrams1764890000000 } from './1764890000000-ListSearchBigrams';
import { Rebates1764900000000 } from './1764900000000-Rebates';
import { RebateRuns1764910000000 } from './1764910000000-RebateRuns';
import { SellOutFiles1764930000000 } from './1764930000000-SellOutFiles';
import { SellOutSupersede1764960000000 } from './1764960000000-SellOutSupersede';
import { RebateAchievementScale1764950000000 } from './1764950000000-RebateAchievementScale';
import { RenewalReviews1764970000000 } from './1764970000000-RenewalReviews';
import { RenewalRecommendationCache1764980000000 } from './1764980000000-RenewalRecommendationCache';

/** Every migration, in order. Never edit one that has been merged: add a new one. */
export const MIGRATIONS = [Foundation1763800000000, PartnerScreening1763900000000, Agreements1764000000000, DealRegistrations1764100000000, EvidenceFiles1764200000000, Training1764300000000, JobRuns1764400000000, RegistrationSweepIndexes1764500000000, TrainingSweepIndexes1764600000000, RegistrationMatching1764700000000, RequestCounters1764750000000, RegistrationIndexTuning1764800000000, ListIndexes1764810000000, RegistrationReviewComment1764820000000, AccessAdministration1764840000000, RecomputeNameCores1764860000000, NameAltKeys1764870000000, SearchIndexPendingList1764880000000, ListSearchBigrams1764890000000, Rebates1764900000000, RebateRuns1764910000000, SellOutFiles1764930000000, RebateAchievementScale1764950000000, SellOutSupersede1764960000000, RenewalReviews1764970000000, RenewalRecommendationCache1764980000000];
