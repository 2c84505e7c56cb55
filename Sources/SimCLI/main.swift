import Scenarios

print("faultsim: under construction")
