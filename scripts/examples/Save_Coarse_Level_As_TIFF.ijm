// Saves a coarse level of a run's tomogram as a TIFF stack calibrated in Å.
// Fiji menu: Plugins > CryoET > Examples > Save Coarse Level As TIFF (asks for the files).
// Headless, in Fiji:
//   ImageJ --headless -macro Save_Coarse_Level_As_TIFF.ijm "input=[/data/80001/TS_sample/.../100.zarr] level=2 output=[/tmp/bin4.tif]"
// The same command outside Fiji:
//   scripts/cryoet --headless --run "Convert CryoET Volume" "input='...',level=2,output='/tmp/bin4.tif',overwrite=true"

arguments = getArgument();
input = call("ij.Macro.getValue", arguments, "input", "");
level = call("ij.Macro.getValue", arguments, "level", "2");
output = call("ij.Macro.getValue", arguments, "output", "");
if (input == "") input = getDirectory("Choose the tomogram's OME-Zarr folder");
if (output == "") output = File.getDirectory(input) + File.getNameWithoutExtension(input) + "_level" + level + ".tif";

run("Convert CryoET Volume", "input=[" + input + "] level=" + level + " output=[" + output + "] overwrite=true");
print("saved level " + level + " of " + input + " as " + output);
