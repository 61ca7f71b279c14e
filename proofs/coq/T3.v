(* salign: the PROVED propositions of T3, re-checked by the Coq kernel *)
Require Import Reals Lra Psatz List.
Require Import Model.
Open Scope R_scope.

(* T3.interval | any spectrum (block moments) | on the solvers' problem *)
Theorem T3_interval :
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
  (((M_D + G_D1) <> 0) /\ (((2 * G_D) / (M_D + G_D1)) < eta)) ->
  (((M_B + G_B1) <> 0) /\ (eta < ((2 * G_B) / (M_B + G_B1)))) ->
  (((2 <> 0) /\ (2 <> 0) /\ ((((eta * eta) * (((1 * M_D) / 2) + ((1 * G_D1) / 2))) + (((- 1) * G_D) * eta)) > 0)) /\ ((2 <> 0) /\ (2 <> 0) /\ ((((eta * eta) * (((1 * M_B) / 2) + ((1 * G_B1) / 2))) + (((- 1) * G_B) * eta)) < 0))).
Proof.
  intros;
  (try pose proof (gap_step_pos eta G_D G_D1 G_D2 N_D G_B G_B1 G_B2 N_B lambda_min_D lambda_max_B ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra)) as HL1);
  (try pose proof (gap_moment_order G_D G_D1 G_B G_B1 lambda_min_D lambda_max_B ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra)) as HL2);
  (try (assert (Hs1 : 0 < (M_D + G_D1)) by first [lra | nra | pos_products; nra | pos]));
  (assert (Hd1 : 0 < (M_D + G_D1)) by first [lra | nra | pos_products; nra | pos | (enough (0 < (M_D + G_D1)) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_lt_0_compat (((- 2) * G_D) + (eta * (M_D + G_D1))) lambda_max_B ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat (((- 2) * G_D) + (eta * (M_D + G_D1))) (lambda_min_D + ((- 1) * lambda_max_B)) ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat G_D lambda_max_B ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat G_D (lambda_min_D + ((- 1) * lambda_max_B)) ltac:(lra) ltac:(lra)); pose proof (Rmult_le_pos ((((- 1) * M_D) + ((- 1) * G_D1)) * eta) lambda_min_D (Rmult_le_pos (((- 1) * M_D) + ((- 1) * G_D1)) eta ltac:(lra) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_lt ((2 * G_D) / (M_D + G_D1)) eta ((2 * G_D) + (((- 1) * eta) * (M_D + G_D1))) (M_D + G_D1) Hd1) in * by (field; repeat split; first [lra | nra | nz]));
  (try (assert (Hs2 : 0 < (M_B + G_B1)) by first [lra | nra | pos_products; nra | pos]));
  (assert (Hd2 : 0 < (M_B + G_B1)) by first [lra | nra | pos_products; nra | pos | (enough (0 < (M_B + G_B1)) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_le_pos ((((- 1) * M_B) + ((- 1) * G_B1)) * G_B1) lambda_min_D (Rmult_le_pos (((- 1) * M_B) + ((- 1) * G_B1)) G_B1 ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (G_B1 * G_B1) lambda_max_B (Rmult_lt_0_compat G_B1 G_B1 ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (G_B1 * G_B1) (lambda_min_D + ((- 1) * lambda_max_B)) (Rmult_lt_0_compat G_B1 G_B1 ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos (G_B1 * M_B) lambda_min_D (Rmult_le_pos G_B1 M_B ltac:(lra) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_lt eta ((2 * G_B) / (M_B + G_B1)) (((- 2) * G_B) + (eta * (M_B + G_B1))) (M_B + G_B1) Hd2) in * by (field; repeat split; first [lra | nra | nz]));
  intuition (first [nra | nz]).
Qed.

(* T3.nonempty | two-level model | on the solvers' problem *)
Theorem T3_nonempty :
  forall lambda_D lambda_B n_D a n_B b : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (n_D >= 0) ->
  (a > 0) ->
  (n_B >= 0) ->
  (b > 0) ->
  (lambda_D > lambda_B) ->
  (((((a * lambda_D) <> 0) /\ ((b * lambda_B) <> 0) /\ ((((lambda_D + ((- 1) * lambda_B)) + (n_D / (a * lambda_D))) + (((- 1) * n_B) / (b * lambda_B))) > 0)) <-> (((n_D + (a * (lambda_D * lambda_D))) <> 0) /\ ((n_B + (b * (lambda_B * lambda_B))) <> 0) /\ ((((2 * a) * lambda_D) / (n_D + (a * (lambda_D * lambda_D)))) < (((2 * b) * lambda_B) / (n_B + (b * (lambda_B * lambda_B)))))))).
Proof.
  intros;
  (try (assert (Hs1 : 0 < a) by first [nra | pos_products; nra | pos]));
  (try (assert (Hs2 : 0 < b) by first [nra | pos_products; nra | pos]));
  (try (assert (Hs3 : 0 < lambda_B) by first [nra | pos_products; nra | pos]));
  (try (assert (Hs4 : 0 < lambda_D) by first [nra | pos_products; nra | pos]));
  (assert (Hd1 : 0 < (((a * b) * lambda_B) * lambda_D)) by first [nra | pos_products; nra | pos | (enough (0 < (((a * b) * lambda_B) * lambda_D)) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_le_pos (((((- 1) * a) * b) * lambda_B) * lambda_D) lambda_D ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat (((a * b) * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat ((a * b) * lambda_B) lambda_B (Rmult_lt_0_compat (a * b) lambda_B (Rmult_lt_0_compat a b ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((a * b) * lambda_B) * lambda_B) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat ((a * b) * lambda_B) lambda_B (Rmult_lt_0_compat (a * b) lambda_B (Rmult_lt_0_compat a b ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((a * b) * lambda_B) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat ((a * b) * lambda_B) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (a * b) lambda_B (Rmult_lt_0_compat a b ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_gt (((lambda_D + ((- 1) * lambda_B)) + (n_D / (a * lambda_D))) + (((- 1) * n_B) / (b * lambda_B))) 0 (((((n_D * b) * lambda_B) + ((((- 1) * n_B) * a) * lambda_D)) + (((a * b) * lambda_B) * (lambda_D * lambda_D))) + (((((- 1) * a) * b) * lambda_D) * (lambda_B * lambda_B))) (((a * b) * lambda_B) * lambda_D) Hd1) in * by (field; repeat split; first [lra | nra | nz]));
  (try (assert (Hs5 : 0 < (n_D + (a * (lambda_D * lambda_D)))) by first [nra | pos_products; nra | pos]));
  (try (assert (Hs6 : 0 < (n_B + (b * (lambda_B * lambda_B)))) by first [nra | pos_products; nra | pos]));
  (assert (Hd2 : 0 < ((n_B + (b * (lambda_B * lambda_B))) * (n_D + (a * (lambda_D * lambda_D))))) by first [nra | pos_products; nra | pos | (enough (0 < ((n_B + (b * (lambda_B * lambda_B))) * (n_D + (a * (lambda_D * lambda_D))))) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_le_pos (((- 1) * (n_B + (b * (lambda_B * lambda_B)))) * (n_D + (a * (lambda_D * lambda_D)))) lambda_B ltac:(lra) ltac:(lra)); pose proof (Rmult_le_pos (lambda_B * n_B) n_D (Rmult_le_pos lambda_B n_B ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos (((a * lambda_B) * lambda_D) * lambda_D) n_B (Rmult_le_pos ((a * lambda_B) * lambda_D) lambda_D (Rmult_le_pos (a * lambda_B) lambda_D (Rmult_le_pos a lambda_B ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos (((b * lambda_B) * lambda_B) * lambda_B) n_D (Rmult_le_pos ((b * lambda_B) * lambda_B) lambda_B (Rmult_le_pos (b * lambda_B) lambda_B (Rmult_le_pos b lambda_B ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((((a * b) * lambda_B) * lambda_B) * lambda_B) * lambda_D) lambda_D (Rmult_lt_0_compat ((((a * b) * lambda_B) * lambda_B) * lambda_B) lambda_D (Rmult_lt_0_compat (((a * b) * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat ((a * b) * lambda_B) lambda_B (Rmult_lt_0_compat (a * b) lambda_B (Rmult_lt_0_compat a b ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_lt (((2 * a) * lambda_D) / (n_D + (a * (lambda_D * lambda_D)))) (((2 * b) * lambda_B) / (n_B + (b * (lambda_B * lambda_B)))) (((((- 2) * b) * lambda_B) * (n_D + (a * (lambda_D * lambda_D)))) + (((2 * a) * lambda_D) * (n_B + (b * (lambda_B * lambda_B))))) ((n_B + (b * (lambda_B * lambda_B))) * (n_D + (a * (lambda_D * lambda_D)))) Hd2) in * by (field; repeat split; first [lra | nra | nz]));
  intuition (first [nra | nz]).
Qed.

(* T3.kappa_0 | two-level model | on the solvers' problem *)
Theorem T3_kappa_0 :
  forall lambda_D lambda_B kappa a n_B b n_D sqrt_0 sqrt_1 : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (kappa > 0) ->
  (a > 0) ->
  (n_B >= 0) ->
  (b > 0) ->
  (n_D >= 0) ->
  (sqrt_0 >= 0) ->
  (((a >= 0)) -> ((sqrt_0 * sqrt_0) = a)) ->
  (sqrt_1 >= 0) ->
  (((((((a * (n_B * n_B)) + ((a * (b * b)) * (((lambda_B * lambda_B) * lambda_B) * lambda_B))) + ((((- 4) * n_D) * (b * b)) * (lambda_B * lambda_B))) + ((((2 * n_B) * a) * b) * (lambda_B * lambda_B))) >= 0)) -> ((sqrt_1 * sqrt_1) = ((((a * (n_B * n_B)) + ((a * (b * b)) * (((lambda_B * lambda_B) * lambda_B) * lambda_B))) + ((((- 4) * n_D) * (b * b)) * (lambda_B * lambda_B))) + ((((2 * n_B) * a) * b) * (lambda_B * lambda_B))))) ->
  (lambda_D > lambda_B) ->
  ((kappa * lambda_B) = lambda_D) ->
  (kappa > 1) ->
  (kappa > 1) ->
  ((a * ((((a * (n_B * n_B)) + ((a * (b * b)) * (((lambda_B * lambda_B) * lambda_B) * lambda_B))) + ((((- 4) * n_D) * (b * b)) * (lambda_B * lambda_B))) + ((((2 * n_B) * a) * b) * (lambda_B * lambda_B)))) >= 0) ->
  ((((((a * (n_B * n_B)) + ((a * (b * b)) * (((lambda_B * lambda_B) * lambda_B) * lambda_B))) + ((((- 4) * n_D) * (b * b)) * (lambda_B * lambda_B))) + ((((2 * n_B) * a) * b) * (lambda_B * lambda_B))) >= 0) /\ ((a >= 0) /\ (((((a * (n_B * n_B)) + ((a * (b * b)) * (((lambda_B * lambda_B) * lambda_B) * lambda_B))) + ((((- 4) * n_D) * (b * b)) * (lambda_B * lambda_B))) + ((((2 * n_B) * a) * b) * (lambda_B * lambda_B))) >= 0) /\ ((((2 * a) * b) * (lambda_B * lambda_B)) <> 0) /\ (kappa > ((1 * (((n_B * a) + (sqrt_0 * sqrt_1)) + ((a * b) * (lambda_B * lambda_B)))) / (((2 * a) * b) * (lambda_B * lambda_B)))))) ->
  (((b * lambda_B) <> 0) /\ (((a * kappa) * lambda_B) <> 0) /\ ((((((- 1) * lambda_B) + (kappa * lambda_B)) + (((- 1) * n_B) / (b * lambda_B))) + (n_D / ((a * kappa) * lambda_B))) > 0)).
Proof.
  intros;
  (assert (0 < a) by lra);
  (assert (Hsqrt_0_X : 0 <= a) by lra);
  (assert (Hsqrt_0 : sqrt_0 * sqrt_0 = a) by (match goal with H : _ |- _ => apply H; lra end));
  (assert (0 <= ((((a * (n_B * n_B)) + ((a * (b * b)) * (((lambda_B * lambda_B) * lambda_B) * lambda_B))) + ((((- 4) * n_D) * (b * b)) * (lambda_B * lambda_B))) + ((((2 * n_B) * a) * b) * (lambda_B * lambda_B)))) by lra);
  (assert (Hsqrt_1_X : 0 <= ((((a * (n_B * n_B)) + ((a * (b * b)) * (((lambda_B * lambda_B) * lambda_B) * lambda_B))) + ((((- 4) * n_D) * (b * b)) * (lambda_B * lambda_B))) + ((((2 * n_B) * a) * b) * (lambda_B * lambda_B)))) by lra);
  (assert (Hsqrt_1 : sqrt_1 * sqrt_1 = ((((a * (n_B * n_B)) + ((a * (b * b)) * (((lambda_B * lambda_B) * lambda_B) * lambda_B))) + ((((- 4) * n_D) * (b * b)) * (lambda_B * lambda_B))) + ((((2 * n_B) * a) * b) * (lambda_B * lambda_B)))) by (match goal with H : _ |- _ => apply H; lra end));
  (try (assert (Hs1 : 0 < a) by first [lra | (enough (0 < a) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_le_pos ((((- 1) * a) * lambda_D) * lambda_D) lambda_D (Rmult_le_pos (((- 1) * a) * lambda_D) lambda_D (Rmult_le_pos ((- 1) * a) lambda_D ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((a * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat (a * lambda_B) lambda_B (Rmult_lt_0_compat a lambda_B ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((a * lambda_B) * lambda_B) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (a * lambda_B) lambda_B (Rmult_lt_0_compat a lambda_B ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((a * lambda_B) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (a * lambda_B) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat a lambda_B ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((a * (lambda_D + ((- 1) * lambda_B))) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (a * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat a (lambda_D + ((- 1) * lambda_B)) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); lra) | pos]));
  (try (assert (Hs2 : 0 < b) by first [lra | (enough (0 < b) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_lt_0_compat ((- 1) + kappa) b ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat (((- 1) + kappa) * ((- 1) + kappa)) b (Rmult_lt_0_compat ((- 1) + kappa) ((- 1) + kappa) ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos ((((- 1) * b) * kappa) * kappa) kappa (Rmult_le_pos (((- 1) * b) * kappa) kappa (Rmult_le_pos ((- 1) * b) kappa ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((- 1) + kappa) * ((- 1) + kappa)) * ((- 1) + kappa)) b (Rmult_lt_0_compat (((- 1) + kappa) * ((- 1) + kappa)) ((- 1) + kappa) (Rmult_lt_0_compat ((- 1) + kappa) ((- 1) + kappa) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); lra) | pos]));
  (try (assert (Hs3 : 0 < lambda_B) by first [lra | (enough (0 < lambda_B) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_lt_0_compat (lambda_B * lambda_B) lambda_B (Rmult_lt_0_compat lambda_B lambda_B ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (lambda_B * lambda_B) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat lambda_B lambda_B ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (lambda_B * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat lambda_B (lambda_D + ((- 1) * lambda_B)) ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos ((((- 1) * lambda_B) * kappa) * lambda_D) lambda_D (Rmult_le_pos (((- 1) * lambda_B) * kappa) lambda_D (Rmult_le_pos ((- 1) * lambda_B) kappa ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((- 1) + kappa) * lambda_B) * lambda_B) lambda_B (Rmult_lt_0_compat (((- 1) + kappa) * lambda_B) lambda_B (Rmult_lt_0_compat ((- 1) + kappa) lambda_B ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((- 1) + kappa) * lambda_B) * lambda_B) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (((- 1) + kappa) * lambda_B) lambda_B (Rmult_lt_0_compat ((- 1) + kappa) lambda_B ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((- 1) + kappa) * lambda_B) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (((- 1) + kappa) * lambda_B) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat ((- 1) + kappa) lambda_B ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); lra) | pos]));
  (assert (Hd1 : 0 < (((2 * a) * b) * (lambda_B * lambda_B))) by first [lra | (enough (0 < (((2 * a) * b) * (lambda_B * lambda_B))) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_lt_0_compat ((a * b) * lambda_B) lambda_B (Rmult_lt_0_compat (a * b) lambda_B (Rmult_lt_0_compat a b ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); lra) | (pose proof (Rmult_lt_0_compat ((a * b) * lambda_B) lambda_B (Rmult_lt_0_compat (a * b) lambda_B (Rmult_lt_0_compat a b ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); lra) | pos]);
  (try rewrite (bridge_gt kappa ((1 * (((n_B * a) + (sqrt_0 * sqrt_1)) + ((a * b) * (lambda_B * lambda_B)))) / (((2 * a) * b) * (lambda_B * lambda_B))) ((((((- 1) * sqrt_0) * sqrt_1) + (((- 1) * n_B) * a)) + ((((- 1) * a) * b) * (lambda_B * lambda_B))) + ((((2 * a) * b) * kappa) * (lambda_B * lambda_B))) (((2 * a) * b) * (lambda_B * lambda_B)) Hd1) in * by (field; repeat split; first [lra | nra | nz]));
  (try (assert (Hs4 : 0 < kappa) by first [lra | (enough (0 < kappa) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_lt_0_compat ((- 1) + kappa) lambda_B ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat ((- 1) + kappa) (lambda_D + ((- 1) * lambda_B)) ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat (((- 1) + kappa) * ((- 1) + kappa)) lambda_B (Rmult_lt_0_compat ((- 1) + kappa) ((- 1) + kappa) ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((- 1) + kappa) * ((- 1) + kappa)) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat ((- 1) + kappa) ((- 1) + kappa) ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos ((((- 1) * kappa) * ((- 1) * kappa)) * ((- 1) * kappa)) lambda_D (Rmult_le_pos (((- 1) * kappa) * ((- 1) * kappa)) ((- 1) * kappa) (Rmult_le_pos ((- 1) * kappa) ((- 1) * kappa) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((- 1) + kappa) * ((- 1) + kappa)) * ((- 1) + kappa)) lambda_B (Rmult_lt_0_compat (((- 1) + kappa) * ((- 1) + kappa)) ((- 1) + kappa) (Rmult_lt_0_compat ((- 1) + kappa) ((- 1) + kappa) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((- 1) + kappa) * ((- 1) + kappa)) * ((- 1) + kappa)) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (((- 1) + kappa) * ((- 1) + kappa)) ((- 1) + kappa) (Rmult_lt_0_compat ((- 1) + kappa) ((- 1) + kappa) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); lra) | pos]));
  (assert (Hd2 : 0 < (((a * b) * kappa) * lambda_B)) by first [lra | (enough (0 < (((a * b) * kappa) * lambda_B)) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_le_pos (((((- 1) * a) * b) * kappa) * lambda_B) lambda_D ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat ((a * b) * lambda_B) lambda_B (Rmult_lt_0_compat (a * b) lambda_B (Rmult_lt_0_compat a b ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((a * b) * lambda_B) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (a * b) lambda_B (Rmult_lt_0_compat a b ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos ((a * b) * lambda_D) (((- 1) * lambda_D) + (kappa * lambda_B)) (Rmult_le_pos (a * b) lambda_D (Rmult_le_pos a b ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((a * b) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (a * b) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat a b ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); lra) | (pose proof (Rmult_lt_0_compat ((a * b) * kappa) lambda_B (Rmult_lt_0_compat (a * b) kappa (Rmult_lt_0_compat a b ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); lra) | pos]);
  (try rewrite (bridge_gt (((((- 1) * lambda_B) + (kappa * lambda_B)) + (((- 1) * n_B) / (b * lambda_B))) + (n_D / ((a * kappa) * lambda_B))) 0 ((((n_D * b) + ((((- 1) * n_B) * a) * kappa)) + (((a * b) * (kappa * kappa)) * (lambda_B * lambda_B))) + (((((- 1) * a) * b) * kappa) * (lambda_B * lambda_B))) (((a * b) * kappa) * lambda_B) Hd2) in * by (field; repeat split; first [lra | nra | nz]));
  intuition idtac; first [lra | (enough (0 < ((((n_D * b) + ((((- 1) * n_B) * a) * kappa)) + (((a * b) * (kappa * kappa)) * (lambda_B * lambda_B))) + (((((- 1) * a) * b) * kappa) * (lambda_B * lambda_B)))) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_le_pos ((((((- 1) * n_D) * b) + ((n_B * a) * kappa)) + (((a * b) * kappa) * (lambda_B * lambda_B))) + (((((- 1) * a) * b) * (kappa * kappa)) * (lambda_B * lambda_B))) ((((((- 1) * sqrt_0) * sqrt_1) + (((- 1) * n_B) * a)) + ((((- 1) * a) * b) * (lambda_B * lambda_B))) + ((((2 * a) * b) * kappa) * (lambda_B * lambda_B))) ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((((- 1) * sqrt_0) * sqrt_1) + (((- 1) * n_B) * a)) + ((((- 1) * a) * b) * (lambda_B * lambda_B))) + ((((2 * a) * b) * kappa) * (lambda_B * lambda_B))) ((((((- 1) * sqrt_0) * sqrt_1) + (((- 1) * n_B) * a)) + ((((- 1) * a) * b) * (lambda_B * lambda_B))) + ((((2 * a) * b) * kappa) * (lambda_B * lambda_B))) ltac:(lra) ltac:(lra)); pose proof (Rmult_le_pos (((((((- 1) * n_D) * b) + ((n_B * a) * kappa)) + (((a * b) * kappa) * (lambda_B * lambda_B))) + (((((- 1) * a) * b) * (kappa * kappa)) * (lambda_B * lambda_B))) * a) n_B (Rmult_le_pos ((((((- 1) * n_D) * b) + ((n_B * a) * kappa)) + (((a * b) * kappa) * (lambda_B * lambda_B))) + (((((- 1) * a) * b) * (kappa * kappa)) * (lambda_B * lambda_B))) a ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos (((((((- 1) * n_D) * b) + ((n_B * a) * kappa)) + (((a * b) * kappa) * (lambda_B * lambda_B))) + (((((- 1) * a) * b) * (kappa * kappa)) * (lambda_B * lambda_B))) * sqrt_0) sqrt_1 (Rmult_le_pos ((((((- 1) * n_D) * b) + ((n_B * a) * kappa)) + (((a * b) * kappa) * (lambda_B * lambda_B))) + (((((- 1) * a) * b) * (kappa * kappa)) * (lambda_B * lambda_B))) sqrt_0 ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((- 1) + kappa) * ((((((- 1) * sqrt_0) * sqrt_1) + (((- 1) * n_B) * a)) + ((((- 1) * a) * b) * (lambda_B * lambda_B))) + ((((2 * a) * b) * kappa) * (lambda_B * lambda_B)))) ((((((- 1) * sqrt_0) * sqrt_1) + (((- 1) * n_B) * a)) + ((((- 1) * a) * b) * (lambda_B * lambda_B))) + ((((2 * a) * b) * kappa) * (lambda_B * lambda_B))) (Rmult_lt_0_compat ((- 1) + kappa) ((((((- 1) * sqrt_0) * sqrt_1) + (((- 1) * n_B) * a)) + ((((- 1) * a) * b) * (lambda_B * lambda_B))) + ((((2 * a) * b) * kappa) * (lambda_B * lambda_B))) ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos ((((- 1) + kappa) * ((((((- 1) * sqrt_0) * sqrt_1) + (((- 1) * n_B) * a)) + ((((- 1) * a) * b) * (lambda_B * lambda_B))) + ((((2 * a) * b) * kappa) * (lambda_B * lambda_B)))) * sqrt_0) sqrt_1 (Rmult_le_pos (((- 1) + kappa) * ((((((- 1) * sqrt_0) * sqrt_1) + (((- 1) * n_B) * a)) + ((((- 1) * a) * b) * (lambda_B * lambda_B))) + ((((2 * a) * b) * kappa) * (lambda_B * lambda_B)))) sqrt_0 (Rmult_le_pos ((- 1) + kappa) ((((((- 1) * sqrt_0) * sqrt_1) + (((- 1) * n_B) * a)) + ((((- 1) * a) * b) * (lambda_B * lambda_B))) + ((((2 * a) * b) * kappa) * (lambda_B * lambda_B))) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos ((((((((- 1) * sqrt_0) * sqrt_1) + (((- 1) * n_B) * a)) + ((((- 1) * a) * b) * (lambda_B * lambda_B))) + ((((2 * a) * b) * kappa) * (lambda_B * lambda_B))) * kappa) * sqrt_0) sqrt_1 (Rmult_le_pos (((((((- 1) * sqrt_0) * sqrt_1) + (((- 1) * n_B) * a)) + ((((- 1) * a) * b) * (lambda_B * lambda_B))) + ((((2 * a) * b) * kappa) * (lambda_B * lambda_B))) * kappa) sqrt_0 (Rmult_le_pos ((((((- 1) * sqrt_0) * sqrt_1) + (((- 1) * n_B) * a)) + ((((- 1) * a) * b) * (lambda_B * lambda_B))) + ((((2 * a) * b) * kappa) * (lambda_B * lambda_B))) kappa ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); assert ((((1 * (sqrt_1 * sqrt_1)) / 19) + ((((- 2) * kappa) * (sqrt_1 * sqrt_1)) / 19)) * (sqrt_0 * sqrt_0 - a) = 0) by (rewrite Hsqrt_0; ring); assert ((((1 * a) / 19) + ((((- 2) * a) * kappa) / 19)) * (sqrt_1 * sqrt_1 - ((((a * (n_B * n_B)) + ((a * (b * b)) * (((lambda_B * lambda_B) * lambda_B) * lambda_B))) + ((((- 4) * n_D) * (b * b)) * (lambda_B * lambda_B))) + ((((2 * n_B) * a) * b) * (lambda_B * lambda_B)))) = 0) by (rewrite Hsqrt_1; ring); lra) | (match goal with H : ?x = 0 |- False => revert H; change (x <> 0); nz end) | nra].
Qed.

(* T3.kappa_all | two-level model | on the solvers' problem *)
Theorem T3_kappa_all :
  forall lambda_D lambda_B kappa a n_B b n_D : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (kappa > 0) ->
  (a > 0) ->
  (n_B >= 0) ->
  (b > 0) ->
  (n_D >= 0) ->
  (lambda_D > lambda_B) ->
  ((kappa * lambda_B) = lambda_D) ->
  (kappa > 1) ->
  (kappa > 1) ->
  ((a * ((((a * (n_B * n_B)) + ((a * (b * b)) * (((lambda_B * lambda_B) * lambda_B) * lambda_B))) + ((((- 4) * n_D) * (b * b)) * (lambda_B * lambda_B))) + ((((2 * n_B) * a) * b) * (lambda_B * lambda_B)))) < 0) ->
  (((b * lambda_B) <> 0) /\ (((a * kappa) * lambda_B) <> 0) /\ ((((((- 1) * lambda_B) + (kappa * lambda_B)) + (((- 1) * n_B) / (b * lambda_B))) + (n_D / ((a * kappa) * lambda_B))) > 0)).
Proof.
  intros;
  (try (assert (Hs1 : 0 < a) by first [nra | pos_products; nra | pos]));
  (try (assert (Hs2 : 0 < b) by first [nra | pos_products; nra | pos]));
  (try (assert (Hs3 : 0 < kappa) by first [nra | pos_products; nra | pos]));
  (try (assert (Hs4 : 0 < lambda_B) by first [nra | pos_products; nra | pos]));
  (assert (Hd1 : 0 < (((a * b) * kappa) * lambda_B)) by first [nra | pos_products; nra | pos | (enough (0 < (((a * b) * kappa) * lambda_B)) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_le_pos (((((- 1) * a) * b) * kappa) * lambda_B) lambda_D ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat ((a * b) * lambda_B) lambda_B (Rmult_lt_0_compat (a * b) lambda_B (Rmult_lt_0_compat a b ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((a * b) * lambda_B) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (a * b) lambda_B (Rmult_lt_0_compat a b ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos ((a * b) * lambda_D) (((- 1) * lambda_D) + (kappa * lambda_B)) (Rmult_le_pos (a * b) lambda_D (Rmult_le_pos a b ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((a * b) * (lambda_D + ((- 1) * lambda_B))) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat (a * b) (lambda_D + ((- 1) * lambda_B)) (Rmult_lt_0_compat a b ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_gt (((((- 1) * lambda_B) + (kappa * lambda_B)) + (((- 1) * n_B) / (b * lambda_B))) + (n_D / ((a * kappa) * lambda_B))) 0 ((((n_D * b) + ((((- 1) * n_B) * a) * kappa)) + (((a * b) * (kappa * kappa)) * (lambda_B * lambda_B))) + (((((- 1) * a) * b) * kappa) * (lambda_B * lambda_B))) (((a * b) * kappa) * lambda_B) Hd1) in * by (field; repeat split; first [lra | nra | nz]));
  intuition (first [(enough (0 < ((((n_D * b) + ((((- 1) * n_B) * a) * kappa)) + (((a * b) * (kappa * kappa)) * (lambda_B * lambda_B))) + (((((- 1) * a) * b) * kappa) * (lambda_B * lambda_B)))) by lra; apply Rnot_le_lt; intro; assert (0 <= (((n_B * a) + ((a * b) * (lambda_B * lambda_B))) + (((((- 2) * a) * b) * kappa) * (lambda_B * lambda_B))) * (((n_B * a) + ((a * b) * (lambda_B * lambda_B))) + (((((- 2) * a) * b) * kappa) * (lambda_B * lambda_B)))) by apply Rle_0_sqr; pose proof (Rmult_le_pos (((((((((- 1) * n_D) * b) + ((n_B * a) * kappa)) + (((a * b) * kappa) * (lambda_B * lambda_B))) + (((((- 1) * a) * b) * (kappa * kappa)) * (lambda_B * lambda_B))) * a) * b) * lambda_B) lambda_B (Rmult_le_pos ((((((((- 1) * n_D) * b) + ((n_B * a) * kappa)) + (((a * b) * kappa) * (lambda_B * lambda_B))) + (((((- 1) * a) * b) * (kappa * kappa)) * (lambda_B * lambda_B))) * a) * b) lambda_B (Rmult_le_pos (((((((- 1) * n_D) * b) + ((n_B * a) * kappa)) + (((a * b) * kappa) * (lambda_B * lambda_B))) + (((((- 1) * a) * b) * (kappa * kappa)) * (lambda_B * lambda_B))) * a) b (Rmult_le_pos ((((((- 1) * n_D) * b) + ((n_B * a) * kappa)) + (((a * b) * kappa) * (lambda_B * lambda_B))) + (((((- 1) * a) * b) * (kappa * kappa)) * (lambda_B * lambda_B))) a ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)) ltac:(lra)); lra) | nra]).
Qed.

(* T3.kappa_sufficient | two-level model | on the solvers' problem *)
Theorem T3_kappa_sufficient :
  forall lambda_D lambda_B kappa n_B b n_D a : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (kappa > 0) ->
  (n_B >= 0) ->
  (b > 0) ->
  (n_D >= 0) ->
  (a > 0) ->
  (lambda_D > lambda_B) ->
  ((kappa * lambda_B) = lambda_D) ->
  (kappa > 1) ->
  (kappa > 1) ->
  (((b * (lambda_B * lambda_B)) <> 0) /\ (kappa > ((n_B + (b * (lambda_B * lambda_B))) / (b * (lambda_B * lambda_B))))) ->
  (((b * lambda_B) <> 0) /\ (((a * kappa) * lambda_B) <> 0) /\ ((((((- 1) * lambda_B) + (kappa * lambda_B)) + (((- 1) * n_B) / (b * lambda_B))) + (n_D / ((a * kappa) * lambda_B))) > 0)).
Proof.
  intros;
  (try (assert (Hs1 : 0 < b) by first [nra | pos_products; nra | pos]));
  (try (assert (Hs2 : 0 < lambda_B) by first [nra | pos_products; nra | pos]));
  (assert (Hd1 : 0 < (b * (lambda_B * lambda_B))) by first [nra | pos_products; nra | pos | (enough (0 < (b * (lambda_B * lambda_B))) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_lt_0_compat ((- 1) + kappa) ((((- 1) * n_B) + (((- 1) * b) * (lambda_B * lambda_B))) + ((b * kappa) * (lambda_B * lambda_B))) ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat (((- 1) + kappa) * ((- 1) + kappa)) ((((- 1) * n_B) + (((- 1) * b) * (lambda_B * lambda_B))) + ((b * kappa) * (lambda_B * lambda_B))) (Rmult_lt_0_compat ((- 1) + kappa) ((- 1) + kappa) ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (b * lambda_B) lambda_B (Rmult_lt_0_compat b lambda_B ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos (kappa * kappa) n_B (Rmult_le_pos kappa kappa ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos (((((- 1) * b) * (lambda_B * lambda_B)) * ((- 1) + kappa)) * ((- 1) + kappa)) ((- 1) + kappa) (Rmult_le_pos ((((- 1) * b) * (lambda_B * lambda_B)) * ((- 1) + kappa)) ((- 1) + kappa) (Rmult_le_pos (((- 1) * b) * (lambda_B * lambda_B)) ((- 1) + kappa) ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos (((((- 1) * b) * (lambda_B * lambda_B)) * kappa) * kappa) kappa (Rmult_le_pos ((((- 1) * b) * (lambda_B * lambda_B)) * kappa) kappa (Rmult_le_pos (((- 1) * b) * (lambda_B * lambda_B)) kappa ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((- 1) + kappa) * b) * lambda_B) lambda_B (Rmult_lt_0_compat (((- 1) + kappa) * b) lambda_B (Rmult_lt_0_compat ((- 1) + kappa) b ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_gt kappa ((n_B + (b * (lambda_B * lambda_B))) / (b * (lambda_B * lambda_B))) ((((- 1) * n_B) + (((- 1) * b) * (lambda_B * lambda_B))) + ((b * kappa) * (lambda_B * lambda_B))) (b * (lambda_B * lambda_B)) Hd1) in * by (field; repeat split; first [lra | nra | nz]));
  (try (assert (Hs3 : 0 < a) by first [nra | pos_products; nra | pos]));
  (try (assert (Hs4 : 0 < kappa) by first [nra | pos_products; nra | pos]));
  (assert (Hd2 : 0 < (((a * b) * kappa) * lambda_B)) by first [nra | pos_products; nra | pos | (enough (0 < (((a * b) * kappa) * lambda_B)) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_lt_0_compat (a * b) lambda_B (Rmult_lt_0_compat a b ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((- 1) + kappa) * a) * b) lambda_B (Rmult_lt_0_compat (((- 1) + kappa) * a) b (Rmult_lt_0_compat ((- 1) + kappa) a ltac:(lra) ltac:(lra)) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_gt (((((- 1) * lambda_B) + (kappa * lambda_B)) + (((- 1) * n_B) / (b * lambda_B))) + (n_D / ((a * kappa) * lambda_B))) 0 ((((n_D * b) + ((((- 1) * n_B) * a) * kappa)) + (((a * b) * (kappa * kappa)) * (lambda_B * lambda_B))) + (((((- 1) * a) * b) * kappa) * (lambda_B * lambda_B))) (((a * b) * kappa) * lambda_B) Hd2) in * by (field; repeat split; first [lra | nra | nz]));
  pos_products; intuition (first [nra | nz]).
Qed.

(* T3.sgd_between | any spectrum (block moments) | on the solvers' problem *)
Theorem T3_sgd_between :
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
  (((M_D + G_D1) <> 0) /\ ((M_B + G_B1) <> 0) /\ (((2 * G_D) / (M_D + G_D1)) < ((2 * G_B) / (M_B + G_B1)))) ->
  ((((M_D + G_D1) <> 0) /\ ((((M_B + M_D) + G_B1) + G_D1) <> 0) /\ (((2 * G_D) / (M_D + G_D1)) < ((2 * (G_B + G_D)) / (((M_B + M_D) + G_B1) + G_D1)))) /\ (((((M_B + M_D) + G_B1) + G_D1) <> 0) /\ ((M_B + G_B1) <> 0) /\ (((2 * (G_B + G_D)) / (((M_B + M_D) + G_B1) + G_D1)) < ((2 * G_B) / (M_B + G_B1))))).
Proof.
  intros;
  (try pose proof (gap_step_pos eta G_D G_D1 G_D2 N_D G_B G_B1 G_B2 N_B lambda_min_D lambda_max_B ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra)) as HL1);
  (try pose proof (gap_moment_order G_D G_D1 G_B G_B1 lambda_min_D lambda_max_B ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra)) as HL2);
  (try (assert (Hs1 : 0 < (M_B + G_B1)) by first [lra | nra | pos_products; nra | pos]));
  (try (assert (Hs2 : 0 < (M_D + G_D1)) by first [lra | nra | pos_products; nra | pos]));
  (assert (Hd1 : 0 < ((M_B + G_B1) * (M_D + G_D1))) by first [lra | nra | pos_products; nra | pos | (enough (0 < ((M_B + G_B1) * (M_D + G_D1))) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_le_pos (((- 1) * (M_B + G_B1)) * (M_D + G_D1)) G_B ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat ((G_B * G_D1) + (((- 1) * G_B1) * G_D)) G_B1 ltac:(lra) ltac:(lra)); pose proof (Rmult_le_pos (G_B * G_B1) M_D (Rmult_le_pos G_B G_B1 ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos (G_B * G_D1) M_B (Rmult_le_pos G_B G_D1 ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos (G_B * M_B) M_D (Rmult_le_pos G_B M_B ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (G_B1 * G_B1) G_D (Rmult_lt_0_compat G_B1 G_B1 ltac:(lra) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_lt ((2 * G_D) / (M_D + G_D1)) ((2 * G_B) / (M_B + G_B1)) ((((- 2) * G_B) * (M_D + G_D1)) + ((2 * G_D) * (M_B + G_B1))) ((M_B + G_B1) * (M_D + G_D1)) Hd1) in * by (field; repeat split; first [lra | nra | nz]));
  (try (assert (Hs3 : 0 < (((M_B + M_D) + G_B1) + G_D1)) by first [lra | nra | pos_products; nra | pos]));
  (assert (Hd2 : 0 < ((M_D + G_D1) * (((M_B + M_D) + G_B1) + G_D1))) by first [lra | nra | pos_products; nra | pos | (enough (0 < ((M_D + G_D1) * (((M_B + M_D) + G_B1) + G_D1))) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_le_pos (((- 1) * (M_D + G_D1)) * (((M_B + M_D) + G_B1) + G_D1)) G_B ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat ((G_B * G_D1) + (((- 1) * G_B1) * G_D)) G_B1 ltac:(lra) ltac:(lra)); pose proof (Rmult_le_pos ((G_B * G_D1) + (((- 1) * G_B1) * G_D)) (G_D1 + (((- 1) * G_D) * lambda_min_D)) ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat (((G_B * G_D1) + (((- 1) * G_B1) * G_D)) * G_D) lambda_max_B (Rmult_lt_0_compat ((G_B * G_D1) + (((- 1) * G_B1) * G_D)) G_D ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (((G_B * G_D1) + (((- 1) * G_B1) * G_D)) * G_D) (lambda_min_D + ((- 1) * lambda_max_B)) (Rmult_lt_0_compat ((G_B * G_D1) + (((- 1) * G_B1) * G_D)) G_D ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos (G_B * G_B1) M_D (Rmult_le_pos G_B G_B1 ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos (G_B * G_D1) M_B (Rmult_le_pos G_B G_D1 ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos (G_B * G_D1) M_D (Rmult_le_pos G_B G_D1 ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos (G_B * M_B) M_D (Rmult_le_pos G_B M_B ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos (G_B * M_D) M_D (Rmult_le_pos G_B M_D ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (G_B1 * G_B1) G_D (Rmult_lt_0_compat G_B1 G_B1 ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (G_B1 * G_D) G_D1 (Rmult_lt_0_compat G_B1 G_D ltac:(lra) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_lt ((2 * G_D) / (M_D + G_D1)) ((2 * (G_B + G_D)) / (((M_B + M_D) + G_B1) + G_D1)) ((((- 2) * (M_D + G_D1)) * (G_B + G_D)) + ((2 * G_D) * (((M_B + M_D) + G_B1) + G_D1))) ((M_D + G_D1) * (((M_B + M_D) + G_B1) + G_D1)) Hd2) in * by (field; repeat split; first [lra | nra | nz]));
  (assert (Hd3 : 0 < ((M_B + G_B1) * (((M_B + M_D) + G_B1) + G_D1))) by first [lra | nra | pos_products; nra | pos | (enough (0 < ((M_B + G_B1) * (((M_B + M_D) + G_B1) + G_D1))) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_le_pos (((- 1) * (M_B + G_B1)) * (((M_B + M_D) + G_B1) + G_D1)) G_B ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat ((G_B * G_D1) + (((- 1) * G_B1) * G_D)) G_B1 ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat (G_B * G_B1) G_B1 (Rmult_lt_0_compat G_B G_B1 ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos (G_B * G_B1) M_B (Rmult_le_pos G_B G_B1 ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos (G_B * G_B1) M_D (Rmult_le_pos G_B G_B1 ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos (G_B * G_D1) M_B (Rmult_le_pos G_B G_D1 ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos (G_B * M_B) M_B (Rmult_le_pos G_B M_B ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos (G_B * M_B) M_D (Rmult_le_pos G_B M_B ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (G_B1 * G_B1) G_D (Rmult_lt_0_compat G_B1 G_B1 ltac:(lra) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_lt ((2 * (G_B + G_D)) / (((M_B + M_D) + G_B1) + G_D1)) ((2 * G_B) / (M_B + G_B1)) ((((- 2) * G_B) * (((M_B + M_D) + G_B1) + G_D1)) + ((2 * (M_B + G_B1)) * (G_B + G_D))) ((M_B + G_B1) * (((M_B + M_D) + G_B1) + G_D1)) Hd3) in * by (field; repeat split; first [lra | nra | nz]));
  intuition (first [nra | nz]).
Qed.

(* T3.sgd_works | any spectrum (block moments) | on the solvers' problem *)
Theorem T3_sgd_works :
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
  (((M_D + G_D1) <> 0) /\ (((2 * G_D) / (M_D + G_D1)) < eta)) ->
  (((((M_B + M_D) + G_B1) + G_D1) <> 0) /\ (eta < ((2 * (G_B + G_D)) / (((M_B + M_D) + G_B1) + G_D1)))) ->
  (((2 <> 0) /\ (2 <> 0) /\ ((((eta * eta) * (((1 * M_D) / 2) + ((1 * G_D1) / 2))) + (((- 1) * G_D) * eta)) > 0)) /\ ((2 <> 0) /\ (2 <> 0) /\ (2 <> 0) /\ (2 <> 0) /\ ((((((eta * eta) * (((1 * M_B) / 2) + ((1 * G_B1) / 2))) + ((eta * eta) * (((1 * M_D) / 2) + ((1 * G_D1) / 2)))) + (((- 1) * G_B) * eta)) + (((- 1) * G_D) * eta)) < 0))).
Proof.
  intros;
  (try pose proof (gap_step_pos eta G_D G_D1 G_D2 N_D G_B G_B1 G_B2 N_B lambda_min_D lambda_max_B ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra)) as HL1);
  (try pose proof (gap_moment_order G_D G_D1 G_B G_B1 lambda_min_D lambda_max_B ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra)) as HL2);
  (try (assert (Hs1 : 0 < (M_D + G_D1)) by first [lra | nra | pos_products; nra | pos]));
  (assert (Hd1 : 0 < (M_D + G_D1)) by first [lra | nra | pos_products; nra | pos | (enough (0 < (M_D + G_D1)) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_lt_0_compat (((- 2) * G_D) + (eta * (M_D + G_D1))) lambda_max_B ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat (((- 2) * G_D) + (eta * (M_D + G_D1))) (lambda_min_D + ((- 1) * lambda_max_B)) ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat G_D lambda_max_B ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat G_D (lambda_min_D + ((- 1) * lambda_max_B)) ltac:(lra) ltac:(lra)); pose proof (Rmult_le_pos ((((- 1) * M_D) + ((- 1) * G_D1)) * eta) lambda_min_D (Rmult_le_pos (((- 1) * M_D) + ((- 1) * G_D1)) eta ltac:(lra) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_lt ((2 * G_D) / (M_D + G_D1)) eta ((2 * G_D) + (((- 1) * eta) * (M_D + G_D1))) (M_D + G_D1) Hd1) in * by (field; repeat split; first [lra | nra | nz]));
  (try (assert (Hs2 : 0 < (((M_B + M_D) + G_B1) + G_D1)) by first [lra | nra | pos_products; nra | pos]));
  (assert (Hd2 : 0 < (((M_B + M_D) + G_B1) + G_D1)) by first [lra | nra | pos_products; nra | pos | (enough (0 < (((M_B + M_D) + G_B1) + G_D1)) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_lt_0_compat (((- 2) * G_D) + (eta * (M_D + G_D1))) G_B ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat (((- 2) * G_D) + (eta * (M_D + G_D1))) G_D ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat G_B G_D ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat G_D G_D ltac:(lra) ltac:(lra)); pose proof (Rmult_le_pos ((((((- 1) * M_B) + ((- 1) * M_D)) + ((- 1) * G_B1)) + ((- 1) * G_D1)) * (((- 2) * G_D) + (eta * (M_D + G_D1)))) eta (Rmult_le_pos (((((- 1) * M_B) + ((- 1) * M_D)) + ((- 1) * G_B1)) + ((- 1) * G_D1)) (((- 2) * G_D) + (eta * (M_D + G_D1))) ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos ((((((- 1) * M_B) + ((- 1) * M_D)) + ((- 1) * G_B1)) + ((- 1) * G_D1)) * (((2 * G_B) + (2 * G_D)) + (((- 1) * eta) * (((M_B + M_D) + G_B1) + G_D1)))) eta (Rmult_le_pos (((((- 1) * M_B) + ((- 1) * M_D)) + ((- 1) * G_B1)) + ((- 1) * G_D1)) (((2 * G_B) + (2 * G_D)) + (((- 1) * eta) * (((M_B + M_D) + G_B1) + G_D1))) ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos ((((((- 1) * M_B) + ((- 1) * M_D)) + ((- 1) * G_B1)) + ((- 1) * G_D1)) * G_D) eta (Rmult_le_pos (((((- 1) * M_B) + ((- 1) * M_D)) + ((- 1) * G_B1)) + ((- 1) * G_D1)) G_D ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((2 * G_B) + (2 * G_D)) + (((- 1) * eta) * (((M_B + M_D) + G_B1) + G_D1))) * G_B1) eta (Rmult_lt_0_compat (((2 * G_B) + (2 * G_D)) + (((- 1) * eta) * (((M_B + M_D) + G_B1) + G_D1))) G_B1 ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos ((((2 * G_B) + (2 * G_D)) + (((- 1) * eta) * (((M_B + M_D) + G_B1) + G_D1))) * M_B) eta (Rmult_le_pos (((2 * G_B) + (2 * G_D)) + (((- 1) * eta) * (((M_B + M_D) + G_B1) + G_D1))) M_B ltac:(lra) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_lt eta ((2 * (G_B + G_D)) / (((M_B + M_D) + G_B1) + G_D1)) ((((- 2) * G_B) + ((- 2) * G_D)) + (eta * (((M_B + M_D) + G_B1) + G_D1))) (((M_B + M_D) + G_B1) + G_D1) Hd2) in * by (field; repeat split; first [lra | nra | nz]));
  intuition (first [nra | nz]).
Qed.

(* T3.sgd_fails | any spectrum (block moments) | on the solvers' problem *)
Theorem T3_sgd_fails :
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
  (((((M_B + M_D) + G_B1) + G_D1) <> 0) /\ (((2 * (G_B + G_D)) / (((M_B + M_D) + G_B1) + G_D1)) < eta)) ->
  (((M_B + G_B1) <> 0) /\ (eta < ((2 * G_B) / (M_B + G_B1)))) ->
  (((2 <> 0) /\ (2 <> 0) /\ ((((eta * eta) * (((1 * M_B) / 2) + ((1 * G_B1) / 2))) + (((- 1) * G_B) * eta)) < 0)) /\ ((2 <> 0) /\ (2 <> 0) /\ (2 <> 0) /\ (2 <> 0) /\ ((((((eta * eta) * (((1 * M_B) / 2) + ((1 * G_B1) / 2))) + ((eta * eta) * (((1 * M_D) / 2) + ((1 * G_D1) / 2)))) + (((- 1) * G_B) * eta)) + (((- 1) * G_D) * eta)) > 0))).
Proof.
  intros;
  (try pose proof (gap_step_pos eta G_D G_D1 G_D2 N_D G_B G_B1 G_B2 N_B lambda_min_D lambda_max_B ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra)) as HL1);
  (try pose proof (gap_moment_order G_D G_D1 G_B G_B1 lambda_min_D lambda_max_B ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra)) as HL2);
  (try (assert (Hs1 : 0 < (((M_B + M_D) + G_B1) + G_D1)) by first [lra | nra | pos_products; nra | pos]));
  (assert (Hd1 : 0 < (((M_B + M_D) + G_B1) + G_D1)) by first [lra | nra | pos_products; nra | pos | (enough (0 < (((M_B + M_D) + G_B1) + G_D1)) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_lt_0_compat ((((- 2) * G_B) + ((- 2) * G_D)) + (eta * (((M_B + M_D) + G_B1) + G_D1))) lambda_max_B ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat ((((- 2) * G_B) + ((- 2) * G_D)) + (eta * (((M_B + M_D) + G_B1) + G_D1))) (lambda_min_D + ((- 1) * lambda_max_B)) ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat G_B lambda_max_B ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat G_B (lambda_min_D + ((- 1) * lambda_max_B)) ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat G_D lambda_max_B ltac:(lra) ltac:(lra)); pose proof (Rmult_lt_0_compat G_D (lambda_min_D + ((- 1) * lambda_max_B)) ltac:(lra) ltac:(lra)); pose proof (Rmult_le_pos ((((((- 1) * M_B) + ((- 1) * M_D)) + ((- 1) * G_B1)) + ((- 1) * G_D1)) * eta) lambda_min_D (Rmult_le_pos (((((- 1) * M_B) + ((- 1) * M_D)) + ((- 1) * G_B1)) + ((- 1) * G_D1)) eta ltac:(lra) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_lt ((2 * (G_B + G_D)) / (((M_B + M_D) + G_B1) + G_D1)) eta (((2 * G_B) + (2 * G_D)) + (((- 1) * eta) * (((M_B + M_D) + G_B1) + G_D1))) (((M_B + M_D) + G_B1) + G_D1) Hd1) in * by (field; repeat split; first [lra | nra | nz]));
  (try (assert (Hs2 : 0 < (M_B + G_B1)) by first [lra | nra | pos_products; nra | pos]));
  (assert (Hd2 : 0 < (M_B + G_B1)) by first [lra | nra | pos_products; nra | pos | (enough (0 < (M_B + G_B1)) by lra; apply Rnot_le_lt; intro; pose proof (Rmult_le_pos ((((- 1) * M_B) + ((- 1) * G_B1)) * G_B1) lambda_min_D (Rmult_le_pos (((- 1) * M_B) + ((- 1) * G_B1)) G_B1 ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (G_B1 * G_B1) lambda_max_B (Rmult_lt_0_compat G_B1 G_B1 ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_lt_0_compat (G_B1 * G_B1) (lambda_min_D + ((- 1) * lambda_max_B)) (Rmult_lt_0_compat G_B1 G_B1 ltac:(lra) ltac:(lra)) ltac:(lra)); pose proof (Rmult_le_pos (G_B1 * M_B) lambda_min_D (Rmult_le_pos G_B1 M_B ltac:(lra) ltac:(lra)) ltac:(lra)); lra)]);
  (try rewrite (bridge_lt eta ((2 * G_B) / (M_B + G_B1)) (((- 2) * G_B) + (eta * (M_B + G_B1))) (M_B + G_B1) Hd2) in * by (field; repeat split; first [lra | nra | nz]));
  intuition (first [nra | nz]).
Qed.
