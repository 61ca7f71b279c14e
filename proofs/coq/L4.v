(* salign: the PROVED propositions of L4, re-checked by the Coq kernel *)
Require Import Reals Lra Psatz List.
Require Import Model.
Open Scope R_scope.

(* L4.D | any spectrum (block moments) | from the model *)
Theorem L4_D :
  forall (eta : R) (D B : list coord),
  (dL eta D) = (((eta ^ 2) * (((1 / 2) * (M D)) + ((1 / 2) * (G1 D)))) + ((- 1) * (G D) * eta)).
Proof.
  block_sum.
Qed.

(* L4.B | any spectrum (block moments) | from the model *)
Theorem L4_B :
  forall (eta : R) (D B : list coord),
  (dL eta B) = (((eta ^ 2) * (((1 / 2) * (M B)) + ((1 / 2) * (G1 B)))) + ((- 1) * (G B) * eta)).
Proof.
  block_sum.
Qed.

(* L4.full | any spectrum (block moments) | from the model *)
Theorem L4_full :
  forall (eta : R) (D B : list coord),
  (dL eta (D ++ B)) = (((eta ^ 2) * (((1 / 2) * (M B)) + ((1 / 2) * (G1 B)))) + ((eta ^ 2) * (((1 / 2) * (M D)) + ((1 / 2) * (G1 D)))) + ((- 1) * (G B) * eta) + ((- 1) * (G D) * eta)).
Proof.
  block_sum.
Qed.

(* L4.dom_raises | any spectrum (block moments) | on the solvers' problem *)
Theorem L4_dom_raises :
  forall lambda_min_D lambda_max_D G_D1 G_D G_D2 N_D M_D eta lambda_min_B lambda_max_B G_B1 G_B G_B2 N_B M_B : R,
  (lambda_min_D > 0) ->
  (lambda_max_D > 0) ->
  (G_D1 > 0) ->
  (G_D > 0) ->
  (G_D2 > 0) ->
  (N_D >= 0) ->
  (M_D >= 0) ->
  (eta > 0) ->
  (lambda_min_B > 0) ->
  (lambda_max_B > 0) ->
  (G_B1 > 0) ->
  (G_B > 0) ->
  (G_B2 > 0) ->
  (N_B >= 0) ->
  (M_B >= 0) ->
  (lambda_min_D <= lambda_max_D) ->
  ((G_D1 + (((- 1) * G_D) * lambda_min_D)) >= 0) ->
  ((((- 1) * G_D1) + (G_D * lambda_max_D)) >= 0) ->
  ((G_D2 + (((- 1) * G_D1) * lambda_min_D)) >= 0) ->
  ((((- 1) * G_D2) + (G_D1 * lambda_max_D)) >= 0) ->
  ((N_D + (((- 1) * M_D) * lambda_min_D)) >= 0) ->
  ((((- 1) * N_D) + (M_D * lambda_max_D)) >= 0) ->
  (((G_D + (G_D2 * (eta * eta))) + (((- 2) * G_D1) * eta)) >= 0) ->
  ((G_D1 * G_D1) <= (G_D * G_D2)) ->
  (((G_D + (((- 1) * G_D1) * eta)) * (G_D + (((- 1) * G_D1) * eta))) <= (G_D * ((G_D + (G_D2 * (eta * eta))) + (((- 2) * G_D1) * eta)))) ->
  (lambda_min_B <= lambda_max_B) ->
  ((G_B1 + (((- 1) * G_B) * lambda_min_B)) >= 0) ->
  ((((- 1) * G_B1) + (G_B * lambda_max_B)) >= 0) ->
  ((G_B2 + (((- 1) * G_B1) * lambda_min_B)) >= 0) ->
  ((((- 1) * G_B2) + (G_B1 * lambda_max_B)) >= 0) ->
  ((N_B + (((- 1) * M_B) * lambda_min_B)) >= 0) ->
  ((((- 1) * N_B) + (M_B * lambda_max_B)) >= 0) ->
  (((G_B + (G_B2 * (eta * eta))) + (((- 2) * G_B1) * eta)) >= 0) ->
  ((G_B1 * G_B1) <= (G_B * G_B2)) ->
  (((G_B + (((- 1) * G_B1) * eta)) * (G_B + (((- 1) * G_B1) * eta))) <= (G_B * ((G_B + (G_B2 * (eta * eta))) + (((- 2) * G_B1) * eta)))) ->
  (lambda_min_D > lambda_max_B) ->
  (((((M_D + G_D1) <> 0) /\ (eta > ((2 * G_D) / (M_D + G_D1)))) <-> ((2 <> 0) /\ (2 <> 0) /\ ((((eta * eta) * (((1 * M_D) / 2) + ((1 * G_D1) / 2))) + (((- 1) * G_D) * eta)) > 0)))).
Proof.
  intros;
  (try pose proof (gap_step_pos eta G_D G_D1 G_D2 N_D G_B G_B1 G_B2 N_B lambda_min_D lambda_max_B ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra)) as HL1);
  (try pose proof (gap_moment_order G_D G_D1 G_B G_B1 lambda_min_D lambda_max_B ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra)) as HL2);
  (try (assert (Hs1 : 0 < (M_D + G_D1)) by first [lra | nra | pos_products; nra | pos]));
  (assert (Hd1 : 0 < (M_D + G_D1)) by first [lra | nra | pos_products; nra | pos | (enough (0 < (M_D + G_D1)) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_lt_0_compat ((G_B * G_D1) + (((- 1) * G_B1) * G_D)) lambda_max_B ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat ((G_B * G_D1) + (((- 1) * G_B1) * G_D)) (lambda_min_D + ((- 1) * lambda_max_B)) ltac:(lra) ltac:(lra)); pose proof (Rmult_le_pos ((((- 1) * M_D) + ((- 1) * G_D1)) * G_B) lambda_min_D (Rmult_le_pos (((- 1) * M_D) + ((- 1) * G_D1)) G_B ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos (G_B * M_D) lambda_min_D (Rmult_le_pos G_B M_D ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (G_B1 * G_D) lambda_max_B (Rmult_lt_0_compat G_B1 G_D ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (G_B1 * G_D) (lambda_min_D + ((- 1) * lambda_max_B)) (Rmult_lt_0_compat G_B1 G_D ltac:(lra) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_gt eta ((2 * G_D) / (M_D + G_D1)) (((- 2) * G_D) + (eta * (M_D + G_D1))) (M_D + G_D1) Hd1) in * by (field; repeat split; first [lra | nra | nz]));
  intuition (first [nra | nz]).
Qed.

(* L4.bulk_lowers | any spectrum (block moments) | on the solvers' problem *)
Theorem L4_bulk_lowers :
  forall lambda_min_D lambda_max_D G_D1 G_D G_D2 N_D M_D eta lambda_min_B lambda_max_B G_B1 G_B G_B2 N_B M_B : R,
  (lambda_min_D > 0) ->
  (lambda_max_D > 0) ->
  (G_D1 > 0) ->
  (G_D > 0) ->
  (G_D2 > 0) ->
  (N_D >= 0) ->
  (M_D >= 0) ->
  (eta > 0) ->
  (lambda_min_B > 0) ->
  (lambda_max_B > 0) ->
  (G_B1 > 0) ->
  (G_B > 0) ->
  (G_B2 > 0) ->
  (N_B >= 0) ->
  (M_B >= 0) ->
  (lambda_min_D <= lambda_max_D) ->
  ((G_D1 + (((- 1) * G_D) * lambda_min_D)) >= 0) ->
  ((((- 1) * G_D1) + (G_D * lambda_max_D)) >= 0) ->
  ((G_D2 + (((- 1) * G_D1) * lambda_min_D)) >= 0) ->
  ((((- 1) * G_D2) + (G_D1 * lambda_max_D)) >= 0) ->
  ((N_D + (((- 1) * M_D) * lambda_min_D)) >= 0) ->
  ((((- 1) * N_D) + (M_D * lambda_max_D)) >= 0) ->
  (((G_D + (G_D2 * (eta * eta))) + (((- 2) * G_D1) * eta)) >= 0) ->
  ((G_D1 * G_D1) <= (G_D * G_D2)) ->
  (((G_D + (((- 1) * G_D1) * eta)) * (G_D + (((- 1) * G_D1) * eta))) <= (G_D * ((G_D + (G_D2 * (eta * eta))) + (((- 2) * G_D1) * eta)))) ->
  (lambda_min_B <= lambda_max_B) ->
  ((G_B1 + (((- 1) * G_B) * lambda_min_B)) >= 0) ->
  ((((- 1) * G_B1) + (G_B * lambda_max_B)) >= 0) ->
  ((G_B2 + (((- 1) * G_B1) * lambda_min_B)) >= 0) ->
  ((((- 1) * G_B2) + (G_B1 * lambda_max_B)) >= 0) ->
  ((N_B + (((- 1) * M_B) * lambda_min_B)) >= 0) ->
  ((((- 1) * N_B) + (M_B * lambda_max_B)) >= 0) ->
  (((G_B + (G_B2 * (eta * eta))) + (((- 2) * G_B1) * eta)) >= 0) ->
  ((G_B1 * G_B1) <= (G_B * G_B2)) ->
  (((G_B + (((- 1) * G_B1) * eta)) * (G_B + (((- 1) * G_B1) * eta))) <= (G_B * ((G_B + (G_B2 * (eta * eta))) + (((- 2) * G_B1) * eta)))) ->
  (lambda_min_D > lambda_max_B) ->
  (((((M_B + G_B1) <> 0) /\ (eta < ((2 * G_B) / (M_B + G_B1)))) <-> ((2 <> 0) /\ (2 <> 0) /\ ((((eta * eta) * (((1 * M_B) / 2) + ((1 * G_B1) / 2))) + (((- 1) * G_B) * eta)) < 0)))).
Proof.
  intros;
  (try pose proof (gap_step_pos eta G_D G_D1 G_D2 N_D G_B G_B1 G_B2 N_B lambda_min_D lambda_max_B ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra)) as HL1);
  (try pose proof (gap_moment_order G_D G_D1 G_B G_B1 lambda_min_D lambda_max_B ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra)) as HL2);
  (try (assert (Hs1 : 0 < (M_B + G_B1)) by first [lra | nra | pos_products; nra | pos]));
  (assert (Hd1 : 0 < (M_B + G_B1)) by first [lra | nra | pos_products; nra | pos | (enough (0 < (M_B + G_B1)) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_le_pos (((- 1) * M_B) + ((- 1) * G_B1)) lambda_min_D ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat G_B1 lambda_max_B ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat G_B1 (lambda_min_D + ((- 1) * lambda_max_B)) ltac:(lra) ltac:(lra)); pose proof (Rmult_le_pos M_B lambda_min_D ltac:(lra) ltac:(lra)); lra)]);
  (try rewrite (bridge_lt eta ((2 * G_B) / (M_B + G_B1)) (((- 2) * G_B) + (eta * (M_B + G_B1))) (M_B + G_B1) Hd1) in * by (field; repeat split; first [lra | nra | nz]));
  intuition (first [nra | nz]).
Qed.
