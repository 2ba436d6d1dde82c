import statistics as st
d = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(d), st.median(d), st.mode(d), st.pstdev(d), st.variance(d), st.median_low([1, 3, 5, 7]), st.quantiles(d, n=4))
print(st.fmean([1.5, 2.5]), st.geometric_mean([1, 4]), st.harmonic_mean([1, 2]))
