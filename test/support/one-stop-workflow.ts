// Shared by the tests and the benchmark (which must not import vitest).
/** The usual one-stop workflow: reception → examination → approval → returning the result (Decree 61/2018 art. 17). */
export const ONE_STOP_WORKFLOW = {
  steps: [
    { code: 'tiep_nhan', name: 'Tiếp nhận hồ sơ', role: 'one_stop_officer', budget: { amount: 4, unit: 'working_hours' } },
    { code: 'tham_dinh', name: 'Thẩm định hồ sơ', role: 'specialist', budget: { amount: 7, unit: 'working_days' } },
    { code: 'phe_duyet', name: 'Phê duyệt', role: 'agency_leader', budget: { amount: 2, unit: 'working_days' } },
    { code: 'tra_ket_qua', name: 'Trả kết quả', role: 'one_stop_officer', budget: { amount: 4, unit: 'working_hours' } },
  ],
  transitions: [
    { from: 'tiep_nhan', action: 'forward', to: 'tham_dinh' },
    { from: 'tham_dinh', action: 'forward', to: 'phe_duyet' },
    { from: 'tham_dinh', action: 'request_supplement', to: 'tiep_nhan' },
    { from: 'phe_duyet', action: 'return', to: 'tham_dinh' },
    { from: 'phe_duyet', action: 'approve', to: 'tra_ket_qua' },
    { from: 'phe_duyet', action: 'refuse', to: 'tra_ket_qua' },
  ],
};
