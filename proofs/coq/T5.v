(* salign: the PROVED propositions of T5, re-checked by the Coq kernel *)
Require Import Reals Lra Psatz List.
Require Import Model.
Open Scope R_scope.

(* T5.sign | dynamics model | on the solvers' problem *)
(* not checked: none of lra, nra, products; nra, psatz R 3 closed it (at most 20 s per tactic)
Theorem T5_sign :
  forall lambda_D lambda_B rho_D eta rho_B a_inf n_D b_inf n_B alpha a_0 beta b_0 t p p_B : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (rho_D >= 0) ->
  (eta > 0) ->
  (rho_B >= 0) ->
  (n_D >= 0) ->
  (n_B >= 0) ->
  (a_0 > 0) ->
  (b_0 > 0) ->
  (t >= 0) ->
  (p >= 0) ->
  (p_B >= 0) ->
  (lambda_D > lambda_B) ->
  (rho_D = ((1 + (((- 1) * eta) * lambda_D)) * (1 + (((- 1) * eta) * lambda_D)))) ->
  (rho_B = ((1 + (((- 1) * eta) * lambda_B)) * (1 + (((- 1) * eta) * lambda_B)))) ->
  (((1 + ((- 1) * rho_D)) <> 0) -> ((a_inf * (1 + ((- 1) * rho_D))) = (n_D * (eta * eta)))) ->
  (((1 + ((- 1) * rho_B)) <> 0) -> ((b_inf * (1 + ((- 1) * rho_B))) = (n_B * (eta * eta)))) ->
  (((1 + ((- 1) * rho_D)) <> 0) -> (alpha = (a_0 + ((- 1) * a_inf)))) ->
  (((1 + ((- 1) * rho_B)) <> 0) -> (beta = (b_0 + ((- 1) * b_inf)))) ->
  ((t = 0) -> (p = 1)) ->
  ((rho_D <= 1) -> (p <= 1)) ->
  ((rho_D >= 1) -> (p >= 1)) ->
  ((rho_D > 0) -> (p > 0)) ->
  ((t = 0) -> (p_B = 1)) ->
  ((rho_B <= 1) -> (p_B <= 1)) ->
  ((rho_B >= 1) -> (p_B >= 1)) ->
  ((rho_B > 0) -> (p_B > 0)) ->
  (p_B > 0) ->
  (rho_D < 1) ->
  (rho_B < 1) ->
  ((p_B <> 0) /\ ((1 + ((- 1) * rho_B)) <> 0) /\ ((1 + ((- 1) * rho_D)) <> 0) /\ ((p_B <> 0) /\ ((((((((a_inf * beta) * p_B) + ((((- 1) * alpha) * b_inf) * p)) + (((alpha * b_inf) * p) * rho_D)) + (((((- 1) * a_inf) * beta) * p_B) * rho_B)) + ((((alpha * beta) * p) * p_B) * rho_D)) + ((((((- 1) * alpha) * beta) * p) * p_B) * rho_B)) = (p_B * ((((((- 1) * a_inf) * beta) * ((- 1) + rho_B)) + (((((- 1) * alpha) * beta) * p) * (rho_B + ((- 1) * rho_D)))) + ((((alpha * b_inf) * p) * ((- 1) + rho_D)) / p_B)))))).
*)

(* T5.sign_alignment | dynamics model | on the solvers' problem *)
(* not checked: none of lra, nra, products; nra, division bridge, division bridge, products, psatz R 3 closed it (at most 20 s per tactic)
Theorem T5_sign_alignment :
  forall lambda_D lambda_B a_39_ n_D eta rho_D a b_39_ n_B rho_B b : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (a_39_ >= 0) ->
  (n_D >= 0) ->
  (eta > 0) ->
  (rho_D >= 0) ->
  (a > 0) ->
  (b_39_ >= 0) ->
  (n_B >= 0) ->
  (rho_B >= 0) ->
  (b > 0) ->
  (lambda_D > lambda_B) ->
  (a_39_ = ((n_D * (eta * eta)) + (rho_D * a))) ->
  (b_39_ = ((n_B * (eta * eta)) + (rho_B * b))) ->
  (rho_D = ((1 + (((- 1) * eta) * lambda_D)) * (1 + (((- 1) * eta) * lambda_D)))) ->
  (rho_B = ((1 + (((- 1) * eta) * lambda_B)) * (1 + (((- 1) * eta) * lambda_B)))) ->
  (((((a_39_ * b) + (((- 1) * b_39_) * a)) > 0) <-> ((((a_39_ * (lambda_D * lambda_D)) + (b_39_ * (lambda_B * lambda_B))) <> 0) /\ ((((a_39_ * (lambda_D * lambda_D)) + (b_39_ * (lambda_B * lambda_B))) <> 0) /\ (((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))) <> 0) /\ ((((a_39_ * (lambda_D * lambda_D)) / ((a_39_ * (lambda_D * lambda_D)) + (b_39_ * (lambda_B * lambda_B)))) + ((((- 1) * a) * (lambda_D * lambda_D)) / ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))) > 0))))).
*)

(* T5.increasing | dynamics model | on the solvers' problem *)
(* not checked: none of lra, nra, products; nra, division bridge, division bridge, products, psatz R 3 closed it (at most 20 s per tactic)
Theorem T5_increasing :
  forall lambda_D lambda_B rho_D eta rho_B a_inf n_D b_inf n_B alpha a_0 beta b_0 t p u p_B v : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (rho_D >= 0) ->
  (eta > 0) ->
  (rho_B >= 0) ->
  (n_D >= 0) ->
  (n_B >= 0) ->
  (a_0 > 0) ->
  (b_0 > 0) ->
  (t >= 0) ->
  (p >= 0) ->
  (u >= 0) ->
  (p_B >= 0) ->
  (v >= 0) ->
  (lambda_D > lambda_B) ->
  (rho_D = ((1 + (((- 1) * eta) * lambda_D)) * (1 + (((- 1) * eta) * lambda_D)))) ->
  (rho_B = ((1 + (((- 1) * eta) * lambda_B)) * (1 + (((- 1) * eta) * lambda_B)))) ->
  (((1 + ((- 1) * rho_D)) <> 0) -> ((a_inf * (1 + ((- 1) * rho_D))) = (n_D * (eta * eta)))) ->
  (((1 + ((- 1) * rho_B)) <> 0) -> ((b_inf * (1 + ((- 1) * rho_B))) = (n_B * (eta * eta)))) ->
  (((1 + ((- 1) * rho_D)) <> 0) -> (alpha = (a_0 + ((- 1) * a_inf)))) ->
  (((1 + ((- 1) * rho_B)) <> 0) -> (beta = (b_0 + ((- 1) * b_inf)))) ->
  ((t = 0) -> (p = 1)) ->
  ((rho_D <= 1) -> (p <= 1)) ->
  ((rho_D >= 1) -> (p >= 1)) ->
  ((rho_D > 0) -> (p > 0)) ->
  ((rho_B <> 0) -> ((t = 0) -> (u = 1))) ->
  ((rho_B <> 0) -> ((rho_B > 0) -> ((p_B * u) = p))) ->
  ((rho_B <> 0) -> (((rho_D <= rho_B) /\ (rho_B > 0)) -> (u <= 1))) ->
  ((rho_B <> 0) -> (((rho_D >= rho_B) /\ (rho_B > 0)) -> (u >= 1))) ->
  ((rho_B <> 0) -> (((rho_B > 0) /\ (rho_D > 0)) -> (u > 0))) ->
  (((rho_B > 0) /\ (rho_D > 0)) -> ((u * v) = 1)) ->
  ((t = 0) -> (p_B = 1)) ->
  ((rho_B <= 1) -> (p_B <= 1)) ->
  ((rho_B >= 1) -> (p_B >= 1)) ->
  ((rho_B > 0) -> (p_B > 0)) ->
  ((rho_D <> 0) -> ((t = 0) -> (v = 1))) ->
  ((rho_D <> 0) -> ((rho_D > 0) -> ((p * v) = p_B))) ->
  ((rho_D <> 0) -> (((rho_B <= rho_D) /\ (rho_D > 0)) -> (v <= 1))) ->
  ((rho_D <> 0) -> (((rho_B >= rho_D) /\ (rho_D > 0)) -> (v >= 1))) ->
  ((rho_D <> 0) -> (((rho_B > 0) /\ (rho_D > 0)) -> (v > 0))) ->
  (rho_D < rho_B) ->
  (rho_B < 1) ->
  ((alpha > 0) /\ ((1 + ((- 1) * rho_D)) <> 0)) ->
  ((beta > 0) /\ ((1 + ((- 1) * rho_B)) <> 0)) ->
  ((a_inf >= 0) /\ ((1 + ((- 1) * rho_D)) <> 0)) ->
  ((b_inf >= 0) /\ ((1 + ((- 1) * rho_B)) <> 0)) ->
  ((rho_B <> 0) /\ ((1 + ((- 1) * rho_B)) <> 0) /\ ((1 + ((- 1) * rho_D)) <> 0) /\ ((rho_B <> 0) /\ (((((((- 1) * a_inf) * beta) * ((- 1) + rho_B)) + ((((((- 1) * alpha) * beta) * p) * rho_D) * (rho_B + ((- 1) * rho_D)))) + (((((alpha * b_inf) * rho_D) * u) * ((- 1) + rho_D)) / rho_B)) >= ((((((- 1) * a_inf) * beta) * ((- 1) + rho_B)) + (((alpha * b_inf) * u) * ((- 1) + rho_D))) + (((((- 1) * alpha) * beta) * p) * (rho_B + ((- 1) * rho_D))))))).
*)

(* T5.phase | dynamics model | on the solvers' problem *)
(* not checked: none of lra, nra, products; nra, division bridge, division bridge, products, psatz R 3 closed it (at most 20 s per tactic)
Theorem T5_phase :
  forall lambda_D lambda_B eta : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (eta > 0) ->
  (lambda_D > lambda_B) ->
  (lambda_D > lambda_B) ->
  ((lambda_B <> 0) /\ (eta < (2 / lambda_B))) ->
  (((((lambda_B + lambda_D) <> 0) /\ (eta < (2 / (lambda_B + lambda_D)))) <-> (((1 + (((- 1) * eta) * lambda_D)) * (1 + (((- 1) * eta) * lambda_D))) < ((1 + (((- 1) * eta) * lambda_B)) * (1 + (((- 1) * eta) * lambda_B)))))).
*)

(* T5.large_init | dynamics model | on the solvers' problem *)
(* not checked: none of lra, nra, products; nra, division bridge, division bridge, products, psatz R 3 closed it (at most 20 s per tactic)
Theorem T5_large_init :
  forall lambda_D lambda_B rho_D eta rho_B a_inf n_D b_inf n_B alpha a_0 beta b_0 : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (rho_D >= 0) ->
  (eta > 0) ->
  (rho_B >= 0) ->
  (n_D >= 0) ->
  (n_B >= 0) ->
  (a_0 > 0) ->
  (b_0 > 0) ->
  (lambda_D > lambda_B) ->
  (rho_D = ((1 + (((- 1) * eta) * lambda_D)) * (1 + (((- 1) * eta) * lambda_D)))) ->
  (rho_B = ((1 + (((- 1) * eta) * lambda_B)) * (1 + (((- 1) * eta) * lambda_B)))) ->
  (((1 + ((- 1) * rho_D)) <> 0) -> ((a_inf * (1 + ((- 1) * rho_D))) = (n_D * (eta * eta)))) ->
  (((1 + ((- 1) * rho_B)) <> 0) -> ((b_inf * (1 + ((- 1) * rho_B))) = (n_B * (eta * eta)))) ->
  (((1 + ((- 1) * rho_D)) <> 0) -> (alpha = (a_0 + ((- 1) * a_inf)))) ->
  (((1 + ((- 1) * rho_B)) <> 0) -> (beta = (b_0 + ((- 1) * b_inf)))) ->
  (rho_D < rho_B) ->
  (rho_B < 1) ->
  ((alpha > 0) /\ ((1 + ((- 1) * rho_D)) <> 0)) ->
  ((beta > 0) /\ ((1 + ((- 1) * rho_B)) <> 0)) ->
  ((a_inf >= 0) /\ ((1 + ((- 1) * rho_D)) <> 0)) ->
  ((b_inf >= 0) /\ ((1 + ((- 1) * rho_B)) <> 0)) ->
  (((1 + ((- 1) * rho_D)) <> 0) /\ ((rho_B + ((- 1) * rho_D)) <> 0) /\ (((rho_B + ((- 1) * rho_D)) <> 0) /\ (alpha >= ((((- 1) * a_inf) * ((- 1) + rho_B)) / (rho_B + ((- 1) * rho_D)))))) ->
  ((b_inf > 0) /\ ((1 + ((- 1) * rho_B)) <> 0)) ->
  (((1 + ((- 1) * rho_B)) <> 0) /\ ((1 + ((- 1) * rho_D)) <> 0) /\ (((((alpha * b_inf) * ((- 1) + rho_D)) + ((((- 1) * a_inf) * beta) * ((- 1) + rho_B))) + ((((- 1) * alpha) * beta) * (rho_B + ((- 1) * rho_D)))) < 0)).
*)

(* T5.mirror_decreasing | dynamics model | on the solvers' problem *)
(* not checked: none of lra, nra, products; nra, division bridge, division bridge, products, psatz R 3 closed it (at most 20 s per tactic)
Theorem T5_mirror_decreasing :
  forall lambda_D lambda_B rho_D eta rho_B a_inf n_D b_inf n_B alpha a_0 beta b_0 t p_B v p : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (rho_D >= 0) ->
  (eta > 0) ->
  (rho_B >= 0) ->
  (n_D >= 0) ->
  (n_B >= 0) ->
  (a_0 > 0) ->
  (b_0 > 0) ->
  (t >= 0) ->
  (p_B >= 0) ->
  (v >= 0) ->
  (p >= 0) ->
  (lambda_D > lambda_B) ->
  (rho_D = ((1 + (((- 1) * eta) * lambda_D)) * (1 + (((- 1) * eta) * lambda_D)))) ->
  (rho_B = ((1 + (((- 1) * eta) * lambda_B)) * (1 + (((- 1) * eta) * lambda_B)))) ->
  (((1 + ((- 1) * rho_D)) <> 0) -> ((a_inf * (1 + ((- 1) * rho_D))) = (n_D * (eta * eta)))) ->
  (((1 + ((- 1) * rho_B)) <> 0) -> ((b_inf * (1 + ((- 1) * rho_B))) = (n_B * (eta * eta)))) ->
  (((1 + ((- 1) * rho_D)) <> 0) -> (alpha = (a_0 + ((- 1) * a_inf)))) ->
  (((1 + ((- 1) * rho_B)) <> 0) -> (beta = (b_0 + ((- 1) * b_inf)))) ->
  ((t = 0) -> (p_B = 1)) ->
  ((rho_B <= 1) -> (p_B <= 1)) ->
  ((rho_B >= 1) -> (p_B >= 1)) ->
  ((rho_B > 0) -> (p_B > 0)) ->
  ((rho_D <> 0) -> ((t = 0) -> (v = 1))) ->
  ((rho_D <> 0) -> ((rho_D > 0) -> ((p * v) = p_B))) ->
  ((rho_D <> 0) -> (((rho_B <= rho_D) /\ (rho_D > 0)) -> (v <= 1))) ->
  ((rho_D <> 0) -> (((rho_B >= rho_D) /\ (rho_D > 0)) -> (v >= 1))) ->
  ((rho_D <> 0) -> (((rho_B > 0) /\ (rho_D > 0)) -> (v > 0))) ->
  ((t = 0) -> (p = 1)) ->
  ((rho_D <= 1) -> (p <= 1)) ->
  ((rho_D >= 1) -> (p >= 1)) ->
  ((rho_D > 0) -> (p > 0)) ->
  (rho_B < rho_D) ->
  (rho_D < 1) ->
  ((alpha > 0) /\ ((1 + ((- 1) * rho_D)) <> 0)) ->
  ((beta > 0) /\ ((1 + ((- 1) * rho_B)) <> 0)) ->
  ((a_inf >= 0) /\ ((1 + ((- 1) * rho_D)) <> 0)) ->
  ((b_inf >= 0) /\ ((1 + ((- 1) * rho_B)) <> 0)) ->
  ((rho_D <> 0) /\ ((1 + ((- 1) * rho_B)) <> 0) /\ ((1 + ((- 1) * rho_D)) <> 0) /\ ((rho_D <> 0) /\ (((((alpha * b_inf) * ((- 1) + rho_D)) + ((((((- 1) * alpha) * beta) * p_B) * rho_B) * (rho_B + ((- 1) * rho_D)))) + (((((((- 1) * a_inf) * beta) * rho_B) * v) * ((- 1) + rho_B)) / rho_D)) <= ((((alpha * b_inf) * ((- 1) + rho_D)) + (((((- 1) * a_inf) * beta) * v) * ((- 1) + rho_B))) + (((((- 1) * alpha) * beta) * p_B) * (rho_B + ((- 1) * rho_D))))))).
*)

(* T5.mirror_large_init | dynamics model | on the solvers' problem *)
(* not checked: none of lra, nra, products; nra, division bridge, division bridge, products, psatz R 3 closed it (at most 20 s per tactic)
Theorem T5_mirror_large_init :
  forall lambda_D lambda_B rho_D eta rho_B a_inf n_D b_inf n_B alpha a_0 beta b_0 : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (rho_D >= 0) ->
  (eta > 0) ->
  (rho_B >= 0) ->
  (n_D >= 0) ->
  (n_B >= 0) ->
  (a_0 > 0) ->
  (b_0 > 0) ->
  (lambda_D > lambda_B) ->
  (rho_D = ((1 + (((- 1) * eta) * lambda_D)) * (1 + (((- 1) * eta) * lambda_D)))) ->
  (rho_B = ((1 + (((- 1) * eta) * lambda_B)) * (1 + (((- 1) * eta) * lambda_B)))) ->
  (((1 + ((- 1) * rho_D)) <> 0) -> ((a_inf * (1 + ((- 1) * rho_D))) = (n_D * (eta * eta)))) ->
  (((1 + ((- 1) * rho_B)) <> 0) -> ((b_inf * (1 + ((- 1) * rho_B))) = (n_B * (eta * eta)))) ->
  (((1 + ((- 1) * rho_D)) <> 0) -> (alpha = (a_0 + ((- 1) * a_inf)))) ->
  (((1 + ((- 1) * rho_B)) <> 0) -> (beta = (b_0 + ((- 1) * b_inf)))) ->
  (rho_B < rho_D) ->
  (rho_D < 1) ->
  ((alpha > 0) /\ ((1 + ((- 1) * rho_D)) <> 0)) ->
  ((beta > 0) /\ ((1 + ((- 1) * rho_B)) <> 0)) ->
  ((a_inf >= 0) /\ ((1 + ((- 1) * rho_D)) <> 0)) ->
  ((b_inf >= 0) /\ ((1 + ((- 1) * rho_B)) <> 0)) ->
  (((1 + ((- 1) * rho_B)) <> 0) /\ ((rho_B + ((- 1) * rho_D)) <> 0) /\ (((rho_B + ((- 1) * rho_D)) <> 0) /\ (beta >= ((b_inf * ((- 1) + rho_D)) / (rho_B + ((- 1) * rho_D)))))) ->
  ((a_inf > 0) /\ ((1 + ((- 1) * rho_D)) <> 0)) ->
  (((1 + ((- 1) * rho_B)) <> 0) /\ ((1 + ((- 1) * rho_D)) <> 0) /\ (((((alpha * b_inf) * ((- 1) + rho_D)) + ((((- 1) * a_inf) * beta) * ((- 1) + rho_B))) + ((((- 1) * alpha) * beta) * (rho_B + ((- 1) * rho_D)))) > 0)).
*)

(* T5.A_inf_bound | dynamics model | on the solvers' problem *)
(* not checked: none of lra, nra, products; nra, division bridge, division bridge, products, psatz R 3 closed it (at most 20 s per tactic)
Theorem T5_A_inf_bound :
  forall lambda_D lambda_B epsilon eta n_D n_B : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (epsilon > 0) ->
  (eta > 0) ->
  (n_D >= 0) ->
  (n_B >= 0) ->
  (lambda_D > lambda_B) ->
  (epsilon < 1) ->
  (lambda_D > lambda_B) ->
  ((lambda_D <> 0) /\ (eta < (2 / lambda_D))) ->
  (n_D > 0) ->
  (n_B > 0) ->
  ((n_B <> 0) /\ (((n_B * lambda_B) <> 0) /\ (epsilon <> 0) /\ (((n_D * lambda_D) / (n_B * lambda_B)) >= (((- 1) * ((- 1) + epsilon)) / epsilon)))) ->
  ((((((((- 2) * n_B) * lambda_B) + (((- 2) * n_D) * lambda_D)) + (((n_B * eta) * lambda_B) * lambda_D)) + (((n_D * eta) * lambda_B) * lambda_D)) <> 0) /\ ((((((((- 2) * n_B) * lambda_B) + (((- 2) * n_D) * lambda_D)) + (((n_B * eta) * lambda_B) * lambda_D)) + (((n_D * eta) * lambda_B) * lambda_D)) <> 0) /\ ((((n_D * lambda_D) * ((- 2) + (eta * lambda_B))) / ((((((- 2) * n_B) * lambda_B) + (((- 2) * n_D) * lambda_D)) + (((n_B * eta) * lambda_B) * lambda_D)) + (((n_D * eta) * lambda_B) * lambda_D))) >= (1 + ((- 1) * epsilon))))).
*)
