import type { SeededRandom } from "./random.js";

/**
 * Synthetic Vietnamese names: common family names (with rough frequencies), middle names and
 * given names combined at random. No list of real people is used.
 */
const FAMILY: readonly (readonly [string, number])[] = [
  ["Nguyễn", 38],
  ["Trần", 11],
  ["Lê", 9],
  ["Phạm", 7],
  ["Huỳnh", 5],
  ["Võ", 4],
  ["Phan", 4],
  ["Trương", 2],
  ["Đặng", 2],
  ["Bùi", 2],
  ["Đỗ", 1.5],
  ["Hồ", 1.5],
  ["Ngô", 1.3],
  ["Dương", 1],
  ["Lý", 1],
  ["Châu", 1],
  ["Thạch", 0.8],
  ["Chau", 0.6],
  ["Néang", 0.3],
  ["Lâm", 0.8],
  ["Tô", 0.6],
];
const MIDDLE_FEMALE = ["Thị", "Thị", "Thị", "Ngọc", "Thanh", "Kim", "Mỹ", "Thu", "Hồng"];
const MIDDLE_MALE = ["Văn", "Văn", "Văn", "Hữu", "Minh", "Thanh", "Quốc", "Công", "Đức", "Hoàng"];
const GIVEN_FEMALE = [
  "Lan",
  "Hoa",
  "Hương",
  "Mai",
  "Linh",
  "Trang",
  "Thảo",
  "Nhung",
  "Yến",
  "Phượng",
  "Hạnh",
  "Dung",
  "Loan",
  "Tuyết",
  "Ngân",
  "Vy",
  "Nhi",
  "Diễm",
  "Trinh",
  "Hằng",
];
const GIVEN_MALE = [
  "An",
  "Bình",
  "Cường",
  "Dũng",
  "Hùng",
  "Khoa",
  "Long",
  "Minh",
  "Nam",
  "Phúc",
  "Quang",
  "Sơn",
  "Tài",
  "Thành",
  "Trung",
  "Tuấn",
  "Vinh",
  "Hải",
  "Hiếu",
  "Lộc",
];

export function syntheticName(rng: SeededRandom, female: boolean): string {
  const family = rng.weighted(FAMILY);
  const middle = rng.pick(female ? MIDDLE_FEMALE : MIDDLE_MALE);
  const given = rng.pick(female ? GIVEN_FEMALE : GIVEN_MALE);
  return `${family} ${middle} ${given}`;
}
