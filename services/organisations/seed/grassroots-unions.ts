import { childrenOf, referenceUnits, type ReferenceUnit } from "@danvan/kit/units";
import { SeededRandom } from "@danvan/kit/seeding";
import { grassrootsUnionId } from "../src/organisations/organisation-structure.js";
import { WorkplaceSector } from "../src/organisations/workplace-sector.js";

/**
 * The grassroots trade unions (công đoàn cơ sở) under each district's Labour Federation: one in
 * each commune's People's Committee (its cadres and civil servants), the schools of every
 * commune, the district's agencies and public service units in its seat, and enterprises,
 * cooperatives and trade guilds by district. Names are synthetic (school names follow the
 * commune's, firms' are made up); the mix follows the Labour Federation's published breakdown
 * of its non-state grassroots unions (services/kit/data/README.md, "Organisations").
 */
export interface GrassrootsUnionPlan {
  id: string;
  name: string;
  /** The commune its workplace is in. */
  unitCode: string;
  /** Its district's Labour Federation. */
  districtCode: string;
  sector: WorkplaceSector;
  /** Members on the register's last day, at full scale. */
  members: number;
}

const SEED = 20200103;

/** Enterprises, cooperatives and guilds per district: more where the industrial zones are. */
const FIRMS: Record<string, { domestic: number; foreign: number; state: number; nonPublic: number; coop: number }> = {
  "883": { domestic: 44, foreign: 2, state: 5, nonPublic: 7, coop: 0 }, // Long Xuyên
  "884": { domestic: 17, foreign: 0, state: 1, nonPublic: 3, coop: 0 }, // Châu Đốc
  "886": { domestic: 8, foreign: 0, state: 0, nonPublic: 0, coop: 0 }, // An Phú
  "887": { domestic: 14, foreign: 0, state: 1, nonPublic: 1, coop: 0 }, // Tân Châu
  "888": { domestic: 10, foreign: 0, state: 0, nonPublic: 0, coop: 1 }, // Phú Tân
  "889": { domestic: 22, foreign: 3, state: 1, nonPublic: 1, coop: 0 }, // Châu Phú (Bình Long industrial zone)
  "890": { domestic: 10, foreign: 1, state: 1, nonPublic: 0, coop: 0 }, // Tịnh Biên
  "891": { domestic: 7, foreign: 0, state: 0, nonPublic: 0, coop: 0 }, // Tri Tôn
  "892": { domestic: 30, foreign: 5, state: 1, nonPublic: 0, coop: 0 }, // Châu Thành (Bình Hòa industrial zone)
  "893": { domestic: 14, foreign: 0, state: 0, nonPublic: 1, coop: 1 }, // Chợ Mới
  "894": { domestic: 14, foreign: 0, state: 1, nonPublic: 0, coop: 1 }, // Thoại Sơn
};

const DISTRICT_AGENCIES = [
  "Văn phòng HĐND và UBND",
  "Phòng Giáo dục và Đào tạo",
  "Phòng Tài chính - Kế hoạch",
  "Phòng Tài nguyên và Môi trường",
  "Phòng Lao động - Thương binh và Xã hội",
  "Phòng Nội vụ",
  "Khối Mặt trận và các đoàn thể",
  "Chi cục Thuế",
  "Kho bạc Nhà nước",
  "Tòa án nhân dân",
  "Viện Kiểm sát nhân dân",
  "Chi cục Thi hành án dân sự",
  "Bảo hiểm xã hội",
];
const TRADES = [
  "Thủy sản",
  "Lương thực",
  "May mặc",
  "Giày da",
  "Xây dựng",
  "Thương mại - Dịch vụ",
  "Vận tải",
  "Chế biến Nông sản",
  "Cơ khí",
  "Vật liệu Xây dựng",
  "Thức ăn Chăn nuôi",
  "Du lịch",
];
const BRANDS = [
  "Phú Hưng Thịnh",
  "Tân Thành Lợi",
  "Minh Phát Đạt",
  "Hưng Thịnh Phát",
  "An Khang Lộc",
  "Phước Lộc Tài",
  "Bảo Châu Long",
  "Trường An Phú",
  "Thiên Phúc Hòa",
  "Tấn Đạt Vinh",
  "Quang Minh Tiến",
  "Đức Thành Tâm",
  "Kim Ngọc Sơn",
  "Hoàng Phát Lợi",
  "Mỹ Hòa Thuận",
  "Thuận Phong Hưng",
];
const GUILDS = ["Nghiệp đoàn xe lôi, xe ôm", "Nghiệp đoàn bán vé số", "Nghiệp đoàn nghề cá", "Nghiệp đoàn thợ hồ"];

/** A unit's name without its type word ("Phường Mỹ Bình" → "Mỹ Bình"). */
function shortName(u: ReferenceUnit): string {
  return u.name.slice(u.kind.length + 1);
}

/** The district's seat: its first township, else its first ward, else its first commune. */
export function seatOf(districtCode: string): ReferenceUnit {
  const communes = childrenOf(districtCode);
  return communes.find((c) => c.kind === "Thị trấn") ?? communes.find((c) => c.kind === "Phường") ?? communes[0]!;
}

/** A size from a log-normal around `median`, within [min, max]: a few large firms, many small ones. */
function logNormal(rng: SeededRandom, median: number, spread: number, min: number, max: number): number {
  const z = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  return Math.max(min, Math.min(max, Math.round(median * Math.exp(spread * z))));
}

export function grassrootsUnionPlans(): GrassrootsUnionPlan[] {
  const rng = new SeededRandom(SEED);
  const plans: GrassrootsUnionPlan[] = [];
  const serials = new Map<string, number>();
  const add = (
    unit: ReferenceUnit,
    districtCode: string,
    sector: WorkplaceSector,
    workplace: string,
    members: number,
  ) => {
    const serial = (serials.get(unit.code) ?? 0) + 1;
    serials.set(unit.code, serial);
    plans.push({
      id: grassrootsUnionId(unit.code, serial),
      name: `Công đoàn cơ sở ${workplace}`,
      unitCode: unit.code,
      districtCode,
      sector,
      members,
    });
  };
  for (const district of referenceUnits.filter((u) => u.level === "DISTRICT")) {
    const communes = childrenOf(district.code);
    const seat = seatOf(district.code);
    const firmSite = () => rng.weighted(communes.map((c) => [c, c.kind === "Xã" ? 1 : 3] as const));
    const party = district.kind === "Huyện" ? "Huyện ủy" : district.kind === "Thị xã" ? "Thị ủy" : "Thành ủy";
    const place = shortName(district);
    // The district's agencies and public service units, in its seat.
    add(
      seat,
      district.code,
      WorkplaceSector.STATE_AGENCY,
      `Cơ quan Liên đoàn Lao động ${district.name}`,
      rng.int(5, 9),
    );
    add(seat, district.code, WorkplaceSector.STATE_AGENCY, `Cơ quan ${party} ${place}`, rng.int(18, 35));
    for (const agency of DISTRICT_AGENCIES) {
      add(seat, district.code, WorkplaceSector.STATE_AGENCY, `${agency} ${district.name}`, rng.int(8, 30));
    }
    add(seat, district.code, WorkplaceSector.PUBLIC_SERVICE_UNIT, `Trung tâm Y tế ${district.name}`, rng.int(160, 380));
    add(
      seat,
      district.code,
      WorkplaceSector.PUBLIC_SERVICE_UNIT,
      `Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên ${district.name}`,
      rng.int(15, 40),
    );
    add(
      seat,
      district.code,
      WorkplaceSector.PUBLIC_SERVICE_UNIT,
      `Trung tâm Văn hóa - Thể thao ${district.name}`,
      rng.int(8, 20),
    );
    // Upper secondary schools: one in the seat, one or two more in the larger communes.
    const highSchools = [seat, ...communes.filter((c) => c !== seat).slice(0, communes.length > 13 ? 2 : 1)];
    for (const c of highSchools) {
      add(c, district.code, WorkplaceSector.PUBLIC_SERVICE_UNIT, `Trường THPT ${shortName(c)}`, rng.int(55, 110));
    }
    // Every commune: its People's Committee (cadres and civil servants) and its schools.
    for (const c of communes) {
      const short = shortName(c);
      add(c, district.code, WorkplaceSector.STATE_AGENCY, `Ủy ban nhân dân ${c.name}`, rng.int(18, 30));
      add(c, district.code, WorkplaceSector.PUBLIC_SERVICE_UNIT, `Trường Mầm non ${short}`, rng.int(12, 30));
      const primaries = c.kind === "Phường" ? ["A"] : ["A", "B"];
      for (const p of primaries) {
        add(c, district.code, WorkplaceSector.PUBLIC_SERVICE_UNIT, `Trường Tiểu học ${p} ${short}`, rng.int(18, 42));
      }
      add(c, district.code, WorkplaceSector.PUBLIC_SERVICE_UNIT, `Trường THCS ${short}`, rng.int(25, 55));
    }
    // Enterprises, cooperatives, non-public service units and trade guilds.
    const firms = FIRMS[district.code]!;
    for (let i = 0; i < firms.state; i++) {
      const name = `Công ty TNHH MTV ${rng.pick(TRADES)} ${rng.pick(BRANDS)}`;
      add(firmSite(), district.code, WorkplaceSector.STATE_ENTERPRISE, name, rng.int(60, 450));
    }
    for (let i = 0; i < firms.domestic; i++) {
      const name = `Công ty ${rng.pick(["TNHH", "Cổ phần"])} ${rng.pick(TRADES)} ${rng.pick(BRANDS)}`;
      add(firmSite(), district.code, WorkplaceSector.DOMESTIC_ENTERPRISE, name, logNormal(rng, 90, 1.0, 25, 2600));
    }
    for (let i = 0; i < firms.foreign; i++) {
      const name = `Công ty TNHH ${rng.pick(["Giày da", "May mặc", "Thủy sản"])} ${rng.pick(BRANDS)} Việt Nam`;
      add(
        firmSite(),
        district.code,
        WorkplaceSector.FOREIGN_INVESTED_ENTERPRISE,
        name,
        logNormal(rng, 1000, 0.5, 300, 4000),
      );
    }
    for (let i = 0; i < firms.nonPublic; i++) {
      const name = `${rng.pick(["Trường Mầm non tư thục", "Phòng khám Đa khoa", "Trường Tiểu học tư thục"])} ${rng.pick(BRANDS)}`;
      add(firmSite(), district.code, WorkplaceSector.NON_PUBLIC_SERVICE_UNIT, name, rng.int(10, 80));
    }
    for (let i = 0; i < firms.coop; i++) {
      add(
        firmSite(),
        district.code,
        WorkplaceSector.COOPERATIVE,
        `Hợp tác xã Nông nghiệp ${rng.pick(BRANDS)}`,
        rng.int(10, 40),
      );
    }
    const guilds = district.code === "883" ? 3 : 1;
    for (let i = 0; i < guilds; i++) {
      add(seat, district.code, WorkplaceSector.TRADE_GUILD, `${GUILDS[i % GUILDS.length]} ${place}`, rng.int(30, 180));
    }
  }
  return plans;
}
