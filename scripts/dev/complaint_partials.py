from tpl import write
# Every category: headline (title case through judulBaris), lead (after "KOTA - "), ringkas (short line).
C = {}
C['curanmor'] = dict(
h=[
"«?barangKembali»«U» Kembalikan Motor Warga «SUB» yang Hilang«HDUR»«|pelakuDiamankan»«U» Amankan Terduga Pelaku Pencurian Motor di «SUB»«else»«U» Tindak Lanjuti Laporan Pencurian Motor di «SUB»«/»",
"«?barangKembali»«U» Serahkan Kembali Sepeda Motor Milik Warga «SUB»«HDUR»«|pelakuDiamankan»«U» Amankan Terduga Pencuri Sepeda Motor Warga «SUB»«else»«U» Tangani Laporan Curanmor Warga «SUB»«/»",
"«?barangKembali»«U» Pastikan Motor Warga «SUB» Kembali ke Pemiliknya«HDUR»«|pelakuDiamankan»«U» Ungkap Pencurian Motor di «SUB», Terduga Pelaku Diamankan«else»«U» Telusuri Laporan Motor Hilang Warga «SUB»«/»",
"«?barangKembali»«U» Bantu Warga «SUB» Dapatkan Kembali Motornya«HDUR»«|pelakuDiamankan»«U» Respons Laporan Curanmor di «SUB», Terduga Pelaku Diamankan«else»«U» Respons Laporan Pencurian Motor Warga «SUB»«/»",
],
l=[
"«U» «?barangKembali»mengembalikan sepeda motor yang hilang kepada pemiliknya, «P», pada «D»«BDUR».«?pelakuDiamankan» Terduga pelaku pencurian juga telah diamankan.«/»«|pelakuDiamankan»mengamankan terduga pelaku pencurian sepeda motor milik «P» di wilayah «TEMPAT».«else»menindaklanjuti laporan pencurian sepeda motor milik «P» di wilayah «TEMPAT».«/»",
"«?barangKembali»Sepeda motor milik «P» yang hilang di wilayah «TEMPAT» kembali ke tangan pemiliknya pada «D» berkat penanganan «U»«BDUR».«?pelakuDiamankan» Petugas juga mengamankan terduga pelaku.«/»«|pelakuDiamankan»«U» mengamankan terduga pelaku pencurian sepeda motor di wilayah «TEMPAT», menindaklanjuti laporan «P».«else»Laporan pencurian sepeda motor yang disampaikan «P» ditindaklanjuti «U».«/»",
"«U» menindaklanjuti laporan pencurian sepeda motor yang diterima «MELALUI» dari «P». «?barangKembali»Motor tersebut telah kembali kepada pemiliknya pada «D»«BDUR».«?pelakuDiamankan» Terduga pelaku juga telah diamankan.«/»«|pelakuDiamankan»Terduga pelaku telah diamankan petugas.«/»",
"Menindaklanjuti laporan «P», «U» «?barangKembali»mengembalikan sepeda motor yang hilang kepada pemiliknya pada «D»«BDUR».«?pelakuDiamankan» Terduga pelaku juga telah diamankan.«/»«|pelakuDiamankan»mengamankan terduga pelaku pencurian sepeda motor di wilayah «TEMPAT».«else»menangani laporan pencurian sepeda motor di wilayah «TEMPAT».«/»",
],
r=[
"«?barangKembali»«U» mengembalikan sepeda motor warga «SUB» yang hilang«SDUR».«?pelakuDiamankan» Terduga pelaku juga diamankan.«/»«|pelakuDiamankan»«U» mengamankan terduga pelaku pencurian sepeda motor di «SUB» setelah menerima laporan warga.«else»«U» menindaklanjuti laporan pencurian sepeda motor warga «SUB».«/»",
"«?barangKembali»Motor warga «SUB» yang hilang sudah kembali ke pemiliknya«SDUR». Terima kasih atas kepercayaan warga kepada «U».«|pelakuDiamankan»Laporan pencurian motor di «SUB» ditindaklanjuti: «U» mengamankan terduga pelaku.«else»Laporan pencurian motor warga «SUB» ditindaklanjuti «U».«/»",
"«?barangKembali»Kabar baik dari «SUB»: sepeda motor warga yang hilang kembali kepada pemiliknya berkat penanganan «U»«SDUR».«|pelakuDiamankan»Terduga pelaku pencurian sepeda motor di «SUB» diamankan «U» setelah warga melapor.«else»«U» menangani laporan pencurian sepeda motor warga «SUB».«/»",
"«?barangKembali»Warga «SUB» melapor motornya hilang, «U» menindaklanjuti hingga motor kembali ke pemiliknya«SDUR».«|pelakuDiamankan»Warga «SUB» melapor pencurian motor, «U» mengamankan terduga pelaku.«else»Warga «SUB» melapor pencurian motor, «U» menindaklanjuti laporan tersebut.«/»",
])
C['pencurian'] = dict(
h=[
"«?barangKembali»«U» Kembalikan Barang Curian Milik Warga «SUB»«HDUR»«|pelakuDiamankan»«U» Amankan Terduga Pelaku Pencurian di «SUB»«else»«U» Tindak Lanjuti Laporan Pencurian di «SUB»«/»",
"«?barangKembali»«U» Serahkan Kembali Barang Milik Warga «SUB» yang Dicuri«HDUR»«|pelakuDiamankan»«U» Ungkap Pencurian di «SUB», Terduga Pelaku Diamankan«else»«U» Tangani Laporan Pencurian Warga «SUB»«/»",
"«?barangKembali»Barang Curian Kembali ke Pemiliknya, «U» Tuntaskan Penanganan Laporan Warga «SUB»«|pelakuDiamankan»«U» Amankan Terduga Pencuri di «SUB» Usai Laporan Warga«else»«U» Respons Laporan Pencurian Warga «SUB»«/»",
"«?barangKembali»«U» Bantu Warga «SUB» Dapatkan Kembali Barangnya yang Dicuri«|pelakuDiamankan»Laporan Warga «SUB» Ditindaklanjuti, «U» Amankan Terduga Pelaku Pencurian«else»«U» Telusuri Laporan Pencurian di «SUB»«/»",
],
l=[
"«U» «?barangKembali»mengembalikan barang curian kepada pemiliknya, «P», pada «D»«BDUR».«?pelakuDiamankan» Terduga pelaku pencurian juga telah diamankan.«/»«|pelakuDiamankan»mengamankan terduga pelaku pencurian yang dilaporkan «P» di wilayah «TEMPAT».«else»menindaklanjuti laporan pencurian yang disampaikan «P» di wilayah «TEMPAT».«/»",
"Menindaklanjuti laporan «P», «U» «?barangKembali»mengembalikan barang milik pelapor yang dicuri pada «D»«BDUR».«?pelakuDiamankan» Terduga pelaku juga telah diamankan.«/»«|pelakuDiamankan»mengamankan terduga pelaku pencurian di wilayah «TEMPAT».«else»menangani laporan pencurian di wilayah «TEMPAT».«/»",
"«U» menindaklanjuti laporan pencurian di wilayah «TEMPAT» yang diterima «MELALUI» dari «P». «?barangKembali»Barang yang dicuri telah kembali kepada pemiliknya pada «D»«BDUR».«?pelakuDiamankan» Terduga pelaku juga telah diamankan.«/»«|pelakuDiamankan»Terduga pelaku telah diamankan petugas.«/»",
"«?barangKembali»Barang milik «P» yang dicuri di wilayah «TEMPAT» kembali ke tangan pemiliknya pada «D» berkat penanganan «U»«BDUR».«?pelakuDiamankan» Petugas juga mengamankan terduga pelaku.«/»«|pelakuDiamankan»«U» mengamankan terduga pelaku pencurian di wilayah «TEMPAT», menindaklanjuti laporan «P».«else»Laporan pencurian yang disampaikan «P» di wilayah «TEMPAT» ditindaklanjuti «U».«/»",
],
r=[
"«?barangKembali»«U» mengembalikan barang curian milik warga «SUB» kepada pemiliknya«SDUR».«?pelakuDiamankan» Terduga pelaku juga diamankan.«/»«|pelakuDiamankan»«U» mengamankan terduga pelaku pencurian di «SUB» setelah menerima laporan warga.«else»«U» menindaklanjuti laporan pencurian warga «SUB».«/»",
"«?barangKembali»Barang milik warga «SUB» yang dicuri sudah kembali ke pemiliknya«SDUR».«|pelakuDiamankan»Laporan pencurian di «SUB» ditindaklanjuti: «U» mengamankan terduga pelaku.«else»Laporan pencurian warga «SUB» ditindaklanjuti «U».«/»",
"«?barangKembali»Warga «SUB» melapor kecurian, «U» menindaklanjuti hingga barangnya kembali«SDUR».«|pelakuDiamankan»Warga «SUB» melapor kecurian, «U» mengamankan terduga pelaku.«else»Warga «SUB» melapor kecurian, «U» menindaklanjuti laporan tersebut.«/»",
"«?pelakuDiamankan»Terduga pelaku pencurian di «SUB» diamankan «U» setelah warga melapor.«?barangKembali» Barang milik korban telah dikembalikan.«/»«|barangKembali»Barang curian milik warga «SUB» kembali kepada pemiliknya berkat penanganan «U».«else»«U» menangani laporan pencurian warga «SUB».«/»",
])
C['tawuran'] = dict(
h=[
"«?rencana»«U» Cegah Rencana Tawuran di «SUB»«|dibubarkan»«U» Bubarkan Tawuran di «SUB»«else»«U» Tangani Laporan Tawuran di «SUB»«/»",
"«?rencana»Warga Lapor Rencana Tawuran, «U» Bergerak ke «SUB»«|dibubarkan»«U» Bubarkan Aksi Tawuran di «SUB» Usai Laporan Warga«else»«U» Tindak Lanjuti Laporan Tawuran di «SUB»«/»",
"«?rencana»«U» Gagalkan Rencana Tawuran«?complaint.kelompok» {{complaint.kelompok}}«/» di «SUB»«|pelakuDiamankan»«U» Amankan Terduga Pelaku Tawuran di «SUB»«else»«U» Respons Laporan Tawuran Warga «SUB»«/»",
"«?rencana»«U» Respons Laporan Warga, Tawuran di «SUB» Tidak Terjadi«|dibubarkan»«U» Respons Laporan Warga, Tawuran di «SUB» Dibubarkan«else»«U» Tanggapi Laporan Warga soal Tawuran di «SUB»«/»",
],
l=[
"«U» «?rencana»mencegah rencana tawuran«?complaint.kelompok» {{complaint.kelompok}}«/» di wilayah «TEMPAT» setelah menerima laporan «P» «MELALUI».«|dibubarkan»membubarkan aksi tawuran«?complaint.kelompok» {{complaint.kelompok}}«/» di wilayah «TEMPAT» setelah menerima laporan «P» «MELALUI».«else»menindaklanjuti laporan «P» tentang tawuran di wilayah «TEMPAT».«/»",
"Menindaklanjuti laporan «P» yang diterima «MELALUI» pada «DR», «U» «?rencana»mendatangi lokasi yang disebut akan menjadi tempat tawuran di wilayah «TEMPAT».«|dibubarkan»membubarkan tawuran di wilayah «TEMPAT».«else»menangani laporan tawuran di wilayah «TEMPAT».«/»«RESP»",
"«?rencana»Rencana tawuran«?complaint.kelompok» {{complaint.kelompok}}«/» di wilayah «TEMPAT» dapat dicegah «U» setelah «P» melapor «MELALUI».«|dibubarkan»Aksi tawuran«?complaint.kelompok» {{complaint.kelompok}}«/» di wilayah «TEMPAT» dibubarkan «U» setelah «P» melapor «MELALUI».«else»Laporan «P» tentang tawuran di wilayah «TEMPAT» ditindaklanjuti «U».«/»«RESP»",
"«U» menindaklanjuti laporan tawuran di wilayah «TEMPAT» yang disampaikan «P» «MELALUI» pada «DR».«RESP»«?dibubarkan» Kerumunan di lokasi dibubarkan petugas.«/»",
],
r=[
"«?rencana»Rencana tawuran di «SUB» dicegah «U» setelah warga melapor.«|dibubarkan»Tawuran di «SUB» dibubarkan «U» setelah warga melapor.«else»«U» menindaklanjuti laporan warga soal tawuran di «SUB».«/»«?dibina» Mereka yang terlibat kemudian dibina.«/»",
"Laporan warga soal «?rencana»rencana «/»tawuran di «SUB» ditindaklanjuti «U»«?complaint.cepat.respons», petugas merespons {{dalamDurasi complaint.responseMs}}«/».«?dibubarkan» Kerumunan dibubarkan.«/»",
"«U» menanggapi laporan warga soal «?rencana»rencana «/»tawuran di «SUB».«?senjataTajam» Petugas mengamankan senjata tajam di lokasi.«/»",
"Warga «SUB» melapor«?rencana» ada rencana«/» tawuran, «U» menindaklanjuti laporan tersebut«?complaint.cepat.respons» {{dalamDurasi complaint.responseMs}} setelah laporan masuk«/».",
])
ZAT = "{{#if complaint.zat}}{{complaint.zat}}{{else}}narkoba{{/if}}"
C['narkoba'] = dict(
h=[
"«?pelakuDiamankan»«U» Amankan Terduga Pelaku Kasus "+ZAT+" di «SUB»«else»«U» Tindak Lanjuti Laporan Warga soal "+ZAT+" di «SUB»«/»",
"«?pelakuDiamankan»Berbekal Laporan Warga, «U» Amankan Terduga Pelaku Kasus "+ZAT+"«else»«U» Tanggapi Informasi Warga tentang "+ZAT+" di «SUB»«/»",
"«?pelakuDiamankan»«U» Ungkap Kasus "+ZAT+" di «SUB» Berkat Informasi Warga«else»«U» Telusuri Informasi Warga soal "+ZAT+" di «SUB»«/»",
"«?pelakuDiamankan»«?peredaran»«U» Ungkap Dugaan Peredaran "+ZAT+" di «SUB»«else»«U» Amankan Terduga Penyalahguna "+ZAT+" di «SUB»«/»«else»«U» Respons Informasi Masyarakat soal "+ZAT+"«/»",
],
l=[
"«U» «?pelakuDiamankan»mengamankan terduga pelaku kasus "+ZAT+" di wilayah «TEMPAT» setelah menerima informasi dari masyarakat «MELALUI».«else»menindaklanjuti informasi masyarakat tentang "+ZAT+" di wilayah «TEMPAT» yang diterima «MELALUI».«/»",
"Berbekal informasi dari masyarakat yang diterima «MELALUI» pada «DR», «U» «?pelakuDiamankan»mengamankan terduga pelaku kasus "+ZAT+" di wilayah «TEMPAT».«else»menindaklanjuti laporan tentang "+ZAT+" di wilayah «TEMPAT».«/»",
"«U» menindaklanjuti laporan warga tentang "+ZAT+" di wilayah «TEMPAT».«?pelakuDiamankan» Terduga pelaku telah diamankan dan menjalani pemeriksaan.«/»",
"«U» menindaklanjuti laporan masyarakat tentang "+ZAT+" di wilayah «TEMPAT».«?pelakuDiamankan» Dalam penanganan tersebut, petugas mengamankan terduga pelaku.«/» Identitas pelapor dirahasiakan untuk melindunginya.",
],
r=[
"«?pelakuDiamankan»«U» mengamankan terduga pelaku kasus "+ZAT+" di «SUB» berkat informasi masyarakat.«else»«U» menindaklanjuti informasi masyarakat soal "+ZAT+" di «SUB».«/»",
"Informasi warga soal "+ZAT+" di «SUB» ditindaklanjuti «U».«?pelakuDiamankan» Terduga pelaku diamankan.«/»",
"Berkat laporan warga, «U» «?pelakuDiamankan»mengamankan terduga pelaku kasus "+ZAT+" di «SUB».«else»menindaklanjuti informasi soal "+ZAT+" di «SUB».«/»",
"Warga melapor soal "+ZAT+" di «SUB», «U» menindaklanjutinya.«?pelakuDiamankan» Terduga pelaku diamankan.«/» Identitas pelapor dirahasiakan.",
])
C['premanisme'] = dict(
h=[
"«?pelakuDiamankan»«U» Amankan Terduga Pelaku Premanisme di «SUB»«else»«U» Tindak Lanjuti Laporan Premanisme di «SUB»«/»",
"«?pelakuDiamankan»«U» Tindak Aksi Premanisme di «SUB», Terduga Pelaku Diamankan«else»«U» Tangani Laporan Warga soal Premanisme di «SUB»«/»",
"«?pelakuDiamankan»Warga Lapor Premanisme, «U» Amankan Terduga Pelaku di «SUB»«else»«U» Respons Laporan Premanisme Warga «SUB»«/»",
"«?pelakuDiamankan»«U» Tindak Premanisme di «SUB» Usai Laporan Warga«else»«U» Tanggapi Keluhan Warga soal Premanisme di «SUB»«/»",
],
l=[
"«U» «?pelakuDiamankan»mengamankan terduga pelaku premanisme di wilayah «TEMPAT» setelah menerima laporan «P» «MELALUI».«else»menindaklanjuti laporan «P» tentang aksi premanisme di wilayah «TEMPAT».«/»",
"Menindaklanjuti laporan «P» yang diterima «MELALUI», «U» «?pelakuDiamankan»mengamankan terduga pelaku premanisme di wilayah «TEMPAT» pada «D».«else»menangani laporan premanisme di wilayah «TEMPAT».«/»",
"Laporan «P» tentang aksi premanisme di wilayah «TEMPAT» ditindaklanjuti «U».«?pelakuDiamankan» Terduga pelaku telah diamankan«BDUR».«/»",
"«U» menindaklanjuti laporan premanisme di wilayah «TEMPAT» yang disampaikan «P» «MELALUI» pada «DR».«?pelakuDiamankan» Terduga pelaku telah diamankan untuk menjalani pemeriksaan.«/»",
],
r=[
"«?pelakuDiamankan»«U» mengamankan terduga pelaku premanisme di «SUB» setelah warga melapor.«else»«U» menindaklanjuti laporan warga soal premanisme di «SUB».«/»",
"Laporan warga soal premanisme di «SUB» ditindaklanjuti «U».«?pelakuDiamankan» Terduga pelaku diamankan.«/»",
"Warga «SUB» melapor aksi premanisme, «U» menindaklanjutinya.«?pelakuDiamankan» Terduga pelaku diamankan.«/»",
"«?pelakuDiamankan»Terduga pelaku premanisme di «SUB» diamankan «U» berkat laporan warga.«else»«U» menanggapi laporan premanisme dari warga «SUB».«/»",
])
C['pungli'] = dict(
h=[
"«?pelakuDiamankan»«U» Amankan Terduga Pelaku Pungli di «SUB»«|uangKembali»«U» Tindak Lanjuti Aduan Pungli, Uang Warga Dikembalikan«else»«U» Tindak Lanjuti Aduan Pungutan Liar di «SUB»«/»",
"«?pelakuDiamankan»«U» Tindak Pungutan Liar di «SUB», Terduga Pelaku Diamankan«|uangKembali»Aduan Pungli Ditindaklanjuti, «U» Pastikan Uang Warga Kembali«else»«U» Tangani Aduan Warga soal Pungutan Liar«/»",
"«?pelakuDiamankan»Warga Lapor Pungli, «U» Amankan Terduga Pelaku«|diperiksa»«U» Periksa Pihak Terkait Aduan Pungli Warga«else»«U» Respons Aduan Pungli Warga «SUB»«/»",
"«?pelakuDiamankan»«U» Tindak Pungli di «SUB» Usai Aduan Warga«|uangKembali»«U» Kembalikan Uang Warga dalam Penanganan Aduan Pungli«else»«U» Tanggapi Aduan Warga soal Pungli di «SUB»«/»",
],
l=[
"«U» menindaklanjuti aduan «P» tentang pungutan liar di wilayah «TEMPAT».«?pelakuDiamankan» Terduga pelaku telah diamankan.«/»«?diperiksa» Pihak terkait telah diperiksa.«/»«?uangKembali» Uang pelapor telah dikembalikan.«/»",
"Aduan «P» tentang pungutan liar yang diterima «MELALUI» pada «DR» ditindaklanjuti «U».«?diperiksa» Pihak yang diadukan telah diperiksa.«/»«?uangKembali» Uang milik pelapor juga telah dikembalikan.«/»",
"Menindaklanjuti aduan «P» yang diterima «MELALUI», «U» menangani dugaan pungutan liar di wilayah «TEMPAT».«?pelakuDiamankan» Terduga pelaku telah diamankan.«/»«?uangKembali» Uang pelapor telah dikembalikan.«/»",
"«U» menangani aduan pungutan liar di wilayah «TEMPAT» yang disampaikan «P» «MELALUI».«?diperiksa» Pihak yang diadukan telah diperiksa.«/»«?pelakuDiamankan» Terduga pelaku telah diamankan.«/»«?uangKembali» Uang pelapor telah dikembalikan.«/»",
],
r=[
"«U» menindaklanjuti aduan warga soal pungutan liar di «SUB».«?pelakuDiamankan» Terduga pelaku diamankan.«/»«?uangKembali» Uang pelapor dikembalikan.«/»",
"Aduan warga soal pungli di «SUB» ditindaklanjuti «U».«?diperiksa» Pihak yang diadukan diperiksa.«/»«?uangKembali» Uang pelapor kembali.«/»",
"Warga «SUB» mengadukan pungli, «U» menindaklanjutinya.«?pelakuDiamankan» Terduga pelaku diamankan.«/»«?uangKembali» Uang pelapor dikembalikan.«/»",
"«?uangKembali»Uang warga dalam aduan pungli di «SUB» dikembalikan setelah ditindaklanjuti «U».«else»«U» menanggapi aduan pungutan liar dari warga «SUB».«/»«?pelakuDiamankan» Terduga pelaku diamankan.«/»",
])
C['kemacetan'] = dict(
h=[
"«?arusLancar»«U» Urai Kemacetan di «SUB»«HDUR»«else»«U» Tangani Laporan Kemacetan di «SUB»«/»",
"«?arusLancar»Arus Lalu Lintas di «SUB» Kembali Lancar Usai Ditangani «U»«else»«U» Tindak Lanjuti Laporan Kemacetan di «SUB»«/»",
"«?arusLancar»«U» Lancarkan Arus Lalu Lintas di «SUB»«HDUR»«else»«U» Atur Lalu Lintas di «SUB» Usai Laporan Warga«/»",
"«?arusLancar»Warga Lapor Macet, «U» Urai Arus di «SUB»«HDUR»«else»«U» Respons Laporan Warga soal Kemacetan di «SUB»«/»",
],
l=[
"«U» menindaklanjuti laporan «P» tentang kemacetan di wilayah «TEMPAT» pada «DR».«?arusLancar» Arus lalu lintas kembali lancar«BDUR».«/»",
"Laporan «P» tentang kemacetan di wilayah «TEMPAT» yang diterima «MELALUI» ditindaklanjuti «U».«RESP»«?arusLancar» Arus kembali lancar«BDUR».«/»",
"Menindaklanjuti laporan yang diterima «MELALUI» pada «DR», «U» mengatur arus lalu lintas di wilayah «TEMPAT».«?arusLancar» Kemacetan terurai«BDUR».«/»",
"«?arusLancar»Kemacetan di wilayah «TEMPAT» terurai setelah «U» menindaklanjuti laporan «P»«BDUR».«else»«U» menangani kemacetan di wilayah «TEMPAT» yang dilaporkan «P».«/»",
],
r=[
"«?arusLancar»Arus lalu lintas di «SUB» kembali lancar«SDUR». Terima kasih atas laporan warga.«else»«U» menindaklanjuti laporan warga soal kemacetan di «SUB».«/»",
"Warga «SUB» melapor macet, «U» menindaklanjutinya.«?arusLancar» Arus kembali lancar«SDUR».«/»",
"«?arusLancar»Kemacetan di «SUB» terurai«SDUR» setelah ditangani «U».«else»Laporan kemacetan di «SUB» ditangani «U».«/»",
"«U» mengatur arus lalu lintas di «SUB» setelah menerima laporan kemacetan.«?arusLancar» Arus kembali lancar.«/»",
])
C['kecelakaan'] = dict(
h=[
"«U» Tangani Kecelakaan Lalu Lintas di «SUB»",
"«?korbanDitolong»«U» Bantu Korban Kecelakaan di «SUB»«else»«U» Tindak Lanjuti Laporan Kecelakaan di «SUB»«/»",
"Warga Lapor Kecelakaan, «U» Tangani Kejadian di «SUB»",
"«U» Respons Laporan Kecelakaan Lalu Lintas di «SUB»",
],
l=[
"«U» menangani kecelakaan lalu lintas di wilayah «TEMPAT» setelah menerima laporan «P» «MELALUI» pada «DR».«RESP»",
"Menindaklanjuti laporan «P» yang diterima «MELALUI», «U» menangani kecelakaan lalu lintas di wilayah «TEMPAT».«?korbanDitolong» Korban mendapat pertolongan.«/»",
"Laporan «P» tentang kecelakaan lalu lintas di wilayah «TEMPAT» ditindaklanjuti «U» pada «DR».«RESP»",
"«U» menindaklanjuti laporan kecelakaan lalu lintas di wilayah «TEMPAT» yang disampaikan «P».«?korbanDitolong» Korban telah mendapat pertolongan.«/»",
],
r=[
"«U» menangani kecelakaan lalu lintas di «SUB» setelah menerima laporan warga.",
"Laporan warga soal kecelakaan di «SUB» ditindaklanjuti «U».«?korbanDitolong» Korban mendapat pertolongan.«/»",
"Warga «SUB» melapor kecelakaan, «U» menanganinya«?complaint.cepat.respons» {{dalamDurasi complaint.responseMs}} setelah laporan masuk«/».",
"«U» menindaklanjuti laporan kecelakaan lalu lintas dari warga «SUB».",
])
C['jalan_rusak'] = dict(
h=[
"«?jalanDiperbaiki»Jalan Rusak di «SUB» Diperbaiki Usai Warga Lapor ke «U»«|rambu»«U» Pasang Rambu di Jalan Rusak «SUB»«else»«U» Tindak Lanjuti Laporan Jalan Rusak di «SUB»«/»",
"«U» Tindak Lanjuti Aduan Jalan Rusak di «SUB»",
"«?rambu»«U» Pasang Rambu Peringatan di Jalan Rusak «SUB»«else»«U» Tangani Laporan Warga soal Jalan Rusak«/»",
"«?jalanDiperbaiki»«U» Tindak Lanjuti Aduan, Jalan Rusak di «SUB» Diperbaiki«else»«U» Respons Aduan Warga soal Jalan Rusak di «SUB»«/»",
],
l=[
"«U» menindaklanjuti laporan «P» tentang jalan rusak yang membahayakan pengendara di wilayah «TEMPAT».«?rambu» Petugas memasang rambu peringatan di lokasi.«/»«?jalanDiperbaiki» Jalan tersebut telah diperbaiki pada «D».«/»",
"Laporan «P» tentang jalan rusak di wilayah «TEMPAT» yang diterima «MELALUI» pada «DR» ditindaklanjuti «U».«?jalanDiperbaiki» Perbaikan jalan selesai pada «D».«/»",
"Menindaklanjuti laporan «P», «U» menangani jalan rusak di wilayah «TEMPAT» demi keselamatan pengguna jalan.«?rambu» Rambu peringatan dipasang di lokasi.«/»",
"«U» menerima laporan «P» «MELALUI» tentang jalan rusak di wilayah «TEMPAT» dan menindaklanjutinya.«?jalanDiperbaiki» Jalan tersebut telah diperbaiki pada «D».«/»",
],
r=[
"«U» menindaklanjuti laporan warga soal jalan rusak di «SUB».«?rambu» Rambu peringatan dipasang.«/»«?jalanDiperbaiki» Jalan sudah diperbaiki.«/»",
"Laporan warga soal jalan rusak di «SUB» ditindaklanjuti «U».«?jalanDiperbaiki» Jalan kini sudah diperbaiki.«/»",
"Warga «SUB» melapor jalan rusak, «U» menindaklanjutinya demi keselamatan pengendara.",
"«?jalanDiperbaiki»Jalan rusak di «SUB» diperbaiki setelah warga melapor ke «U».«else»«U» menanggapi laporan warga soal jalan rusak di «SUB».«/»",
])
C['kehilangan'] = dict(
h=[
"«?suratTerbit»«U» Terbitkan Surat Keterangan Kehilangan untuk Warga«HDUR»«|barangKembali»«U» Kembalikan Barang Warga «SUB» yang Hilang«HDUR»«else»«U» Layani Laporan Kehilangan Warga «SUB»«/»",
"«?barangKembali»Barang Warga «SUB» yang Hilang Kembali ke Pemiliknya«else»«U» Bantu Warga «SUB» Urus Laporan Kehilangan«HDUR»«/»",
"«?suratTerbit»Layanan Surat Kehilangan di «U» Rampung«HDUR»«else»«U» Tindak Lanjuti Laporan Kehilangan Warga«/»",
"«U» Layani Warga yang Kehilangan Barang«HDUR»",
],
l=[
"«U» melayani laporan kehilangan dari «P» pada «D».«?suratTerbit» Surat keterangan kehilangan diterbitkan«BDUR».«/»«?barangKembali» Barang yang hilang telah kembali kepada pemiliknya.«/»",
"Laporan kehilangan yang disampaikan «P» «MELALUI» ditindaklanjuti «U» pada «D».«?suratTerbit» Petugas menerbitkan surat keterangan kehilangan«BDUR».«/»«?barangKembali» Barang milik pelapor telah dikembalikan.«/»",
"«?barangKembali»Barang milik «P» yang hilang kembali ke tangan pemiliknya pada «D» berkat penanganan «U»«BDUR».«else»«U» membantu «P» yang kehilangan barang pada «D»«BDUR».«/»",
"Warga yang kehilangan barang dilayani «U» pada «D». Laporan disampaikan «P» «MELALUI».«?suratTerbit» Surat keterangan kehilangan diterbitkan«BDUR».«/»«?barangKembali» Barang yang hilang telah kembali kepada pemiliknya.«/»",
],
r=[
"«U» melayani laporan kehilangan warga «SUB»«SDUR».«?suratTerbit» Surat keterangan kehilangan sudah diterbitkan.«/»«?barangKembali» Barang yang hilang sudah kembali kepada pemiliknya.«/»",
"«?barangKembali»Barang warga «SUB» yang hilang kembali kepada pemiliknya berkat penanganan «U».«else»Warga «SUB» yang kehilangan barang dilayani «U»«SDUR».«/»",
"«?suratTerbit»Surat keterangan kehilangan untuk warga «SUB» diterbitkan «U»«SDUR».«|barangKembali»«U» mengembalikan barang warga «SUB» yang hilang kepada pemiliknya.«else»«U» menindaklanjuti laporan kehilangan warga «SUB».«/»",
"«?barangKembali»Barang warga «SUB» yang hilang sudah kembali ke pemiliknya berkat bantuan «U».«else»Kehilangan barang? Warga «SUB» sudah dilayani «U»«SDUR».«/»",
])
C['penipuan'] = dict(
h=[
"«?pelakuDiamankan»«U» Amankan Terduga Pelaku Penipuan di «SUB»«|uangKembali»«U» Bantu Warga «SUB» Dapatkan Kembali Uangnya«else»«U» Tindak Lanjuti Laporan Penipuan Warga «SUB»«/»",
"«?pelakuDiamankan»Laporan Penipuan Ditindaklanjuti, «U» Amankan Terduga Pelaku«else»«U» Tangani Laporan Warga soal Penipuan«/»",
"«?pelakuDiamankan»«U» Ungkap Dugaan Penipuan yang Dialami Warga «SUB»«else»«U» Respons Laporan Penipuan di «SUB»«/»",
"«?uangKembali»Uang Korban Penipuan di «SUB» Kembali Usai Ditangani «U»«|pelakuDiamankan»Warga Lapor Penipuan, «U» Amankan Terduga Pelaku«else»«U» Telusuri Laporan Penipuan Warga «SUB»«/»",
],
l=[
"«U» menindaklanjuti laporan penipuan yang disampaikan «P» «MELALUI».«?pelakuDiamankan» Terduga pelaku telah diamankan untuk menjalani pemeriksaan.«/»«?uangKembali» Uang korban telah dikembalikan.«/»",
"Laporan «P» tentang dugaan penipuan ditindaklanjuti «U».«?pelakuDiamankan» Petugas mengamankan terduga pelaku di wilayah «TEMPAT».«/»«?uangKembali» Uang milik pelapor telah dikembalikan.«/»",
"Menindaklanjuti laporan «P» yang diterima «MELALUI» pada «DR», «U» menangani dugaan penipuan di wilayah «TEMPAT».«?pelakuDiamankan» Terduga pelaku telah diamankan.«/»",
"«?pelakuDiamankan»«U» mengamankan terduga pelaku penipuan yang dilaporkan «P».«else»«U» menangani laporan penipuan yang disampaikan «P».«/»«?uangKembali» Uang pelapor telah dikembalikan.«/»",
],
r=[
"«?pelakuDiamankan»«U» mengamankan terduga pelaku penipuan setelah warga «SUB» melapor.«else»«U» menindaklanjuti laporan penipuan dari warga «SUB».«/»",
"Laporan penipuan dari warga «SUB» ditindaklanjuti «U».«?pelakuDiamankan» Terduga pelaku diamankan.«/»«?uangKembali» Uang pelapor dikembalikan.«/»",
"Warga «SUB» melapor penipuan, «U» menindaklanjutinya.«?pelakuDiamankan» Terduga pelaku diamankan.«/»",
"«?uangKembali»Uang warga «SUB» yang tertipu kembali setelah ditangani «U».«else»«U» menanggapi laporan penipuan dari warga «SUB».«/»",
])
C['judi'] = dict(
h=[
"«?pelakuDiamankan»«U» Amankan Terduga Pelaku Perjudian di «SUB»«else»«U» Tindak Lanjuti Laporan Perjudian di «SUB»«/»",
"«?pelakuDiamankan»Berbekal Laporan Warga, «U» Tindak Perjudian di «SUB»«else»«U» Tangani Laporan Warga soal Perjudian«/»",
"«?pelakuDiamankan»Warga Lapor Perjudian, «U» Amankan Terduga Pelaku«else»«U» Respons Laporan Perjudian di «SUB»«/»",
"«?pelakuDiamankan»«U» Ungkap Praktik Perjudian di «SUB»«else»«U» Tanggapi Laporan Warga tentang Judi di «SUB»«/»",
],
l=[
"«U» «?pelakuDiamankan»mengamankan terduga pelaku perjudian di wilayah «TEMPAT» setelah menerima laporan dari masyarakat «MELALUI».«else»menindaklanjuti laporan masyarakat tentang perjudian di wilayah «TEMPAT».«/»",
"Menindaklanjuti laporan yang diterima «MELALUI» pada «DR», «U» «?pelakuDiamankan»mengamankan terduga pelaku perjudian di wilayah «TEMPAT».«else»menangani laporan perjudian di wilayah «TEMPAT».«/»",
"Laporan masyarakat tentang perjudian di wilayah «TEMPAT» ditindaklanjuti «U».«?pelakuDiamankan» Terduga pelaku telah diamankan untuk menjalani pemeriksaan.«/»",
"«U» menangani laporan perjudian di wilayah «TEMPAT».«?pelakuDiamankan» Dalam penanganan tersebut, petugas mengamankan terduga pelaku.«/»",
],
r=[
"«?pelakuDiamankan»«U» mengamankan terduga pelaku perjudian di «SUB» berkat laporan warga.«else»«U» menindaklanjuti laporan warga soal perjudian di «SUB».«/»",
"Laporan warga soal perjudian di «SUB» ditindaklanjuti «U».«?pelakuDiamankan» Terduga pelaku diamankan.«/»",
"Warga melapor perjudian di «SUB», «U» menindaklanjutinya.«?pelakuDiamankan» Terduga pelaku diamankan.«/»",
"Berkat laporan warga, «U» «?pelakuDiamankan»mengamankan terduga pelaku perjudian di «SUB».«else»menangani laporan perjudian di «SUB».«/»",
])
C['orang_hilang'] = dict(
h=[
"«?ditemukan»«U» Temukan Warga yang Dilaporkan Hilang di «SUB»«else»«U» Tindak Lanjuti Laporan Orang Hilang di «SUB»«/»",
"«?ditemukan»«U» Temukan Orang yang Dilaporkan Hilang oleh Warga «SUB»«else»«U» Tangani Laporan Orang Hilang dari Warga «SUB»«/»",
"«?ditemukan»Laporan Orang Hilang di «SUB» Ditindaklanjuti, «U» Temukan Yang Bersangkutan«else»«U» Respons Laporan Orang Hilang di «SUB»«/»",
"«?ditemukan»«?selamat»«U» Temukan Warga yang Hilang dalam Keadaan Selamat«else»«U» Temukan Warga «SUB» yang Dilaporkan Hilang«/»«else»«U» Telusuri Laporan Orang Hilang di «SUB»«/»",
],
l=[
"«U» «?ditemukan»menemukan orang yang dilaporkan hilang oleh «P» pada «D»«BDUR».«?selamat» Yang bersangkutan ditemukan dalam keadaan selamat.«/»«else»menindaklanjuti laporan «P» tentang orang hilang di wilayah «TEMPAT».«/»",
"Laporan orang hilang yang disampaikan «P» «MELALUI» ditindaklanjuti «U».«?ditemukan» Orang yang dilaporkan hilang ditemukan pada «D»«BDUR».«/»«?selamat» Ia dalam keadaan selamat.«/»",
"Menindaklanjuti laporan «P», «U» «?ditemukan»menemukan orang yang dilaporkan hilang di wilayah «TEMPAT» pada «D».«else»menangani laporan orang hilang di wilayah «TEMPAT».«/»",
"«?ditemukan»Warga yang dilaporkan hilang di wilayah «TEMPAT» ditemukan «U» pada «D»«BDUR».«else»«U» menindaklanjuti laporan orang hilang di wilayah «TEMPAT».«/» Laporan disampaikan «P» «MELALUI».",
],
r=[
"«?ditemukan»Warga yang dilaporkan hilang di «SUB» ditemukan «U»«SDUR».«else»«U» menindaklanjuti laporan orang hilang di «SUB».«/»",
"«?ditemukan»«U» menemukan warga yang dilaporkan hilang«?selamat» dalam keadaan selamat«/».«else»Laporan orang hilang di «SUB» ditangani «U».«/»",
"Laporan orang hilang di «SUB» ditindaklanjuti «U».«?ditemukan» Yang bersangkutan sudah ditemukan.«/»",
"«?ditemukan»Kabar baik dari «SUB»: warga yang dilaporkan hilang sudah ditemukan «U».«else»«U» menangani laporan orang hilang dari warga «SUB».«/»",
])
C['gangguan_ketertiban'] = dict(
h=[
"«?dibubarkan»«U» Tertibkan Gangguan Ketertiban di «SUB»«else»«U» Tindak Lanjuti Laporan Gangguan Ketertiban di «SUB»«/»",
"«U» Tangani Keluhan Warga «SUB» soal Gangguan Ketertiban",
"Warga «SUB» Lapor Gangguan Ketertiban, «U» Tindak Lanjuti",
"«U» Respons Laporan Gangguan Ketertiban di «SUB»",
],
l=[
"«U» menindaklanjuti laporan «P» tentang gangguan ketertiban di wilayah «TEMPAT» pada «DR».«RESP»",
"Laporan «P» tentang gangguan ketertiban di wilayah «TEMPAT» yang diterima «MELALUI» ditindaklanjuti «U».«RESP»",
"Menindaklanjuti laporan «P», «U» menangani gangguan ketertiban di wilayah «TEMPAT».«?dibubarkan» Kerumunan di lokasi dibubarkan.«/»",
"«U» menangani gangguan ketertiban di wilayah «TEMPAT» yang dilaporkan «P» «MELALUI».«RESP»",
],
r=[
"«U» menindaklanjuti laporan warga soal gangguan ketertiban di «SUB».",
"Laporan warga «SUB» soal gangguan ketertiban ditangani «U»«?complaint.cepat.respons», petugas merespons {{dalamDurasi complaint.responseMs}}«/».",
"Warga «SUB» melapor gangguan ketertiban, «U» menindaklanjutinya.",
"«U» menanggapi keluhan warga soal gangguan ketertiban di «SUB».",
])
C['default'] = dict(
h=[
"«U» Tindak Lanjuti Laporan Warga di «SUB»«HDUR»",
"«U» Tangani Laporan Warga «SUB»«HDUR»",
"«U» Respons Laporan Warga «SUB»",
"Warga «SUB» Melapor, «U» Menindaklanjuti«HDUR»",
],
l=[
"«U» menindaklanjuti laporan «P» yang diterima «MELALUI» pada «DR».«?complaint.cepat.penanganan» Laporan tersebut selesai ditangani {{dalamDurasi complaint.resolutionMs}} setelah diterima.«/»",
"Laporan «P» yang diterima «MELALUI» ditindaklanjuti «U» pada «D»«BDUR».",
"Menindaklanjuti laporan «P», «U» menangani permasalahan yang disampaikan warga di wilayah «TEMPAT».",
"«U» menangani laporan «P» yang diterima «MELALUI» pada «DR».«?complaint.cepat.penanganan» Penanganan selesai {{dalamDurasi complaint.resolutionMs}} setelah laporan diterima.«/»",
],
r=[
"«U» menindaklanjuti laporan warga «SUB»«SDUR».",
"Laporan warga «SUB» ditindaklanjuti «U»«SDUR».",
"Warga «SUB» melapor, «U» menindaklanjutinya«SDUR».",
"«U» menangani laporan warga di «SUB»«SDUR».",
])
C['lainnya'] = C['default']
# Sensitive cases: neutral, about protection and the way to report. No place below the city, no
# ages, initials, emoji or speed; the operator's free text is not used at all.
S = {}
def low(t):
    return ' '.join(w if (w.isupper() and len(w) > 1) else w.lower() for w in t.split(' '))
def sens(key, noun, short, h_extra):
    S[key] = dict(
    h=[
      "«U» Tindak Lanjuti Laporan "+noun+" di «CITY»",
      "«U» Tangani Laporan "+noun+" dengan Mengutamakan Perlindungan Korban",
      h_extra,
      "«U» Ajak Warga Berani Melaporkan "+short,
    ],
    l=[
      "«U» menindaklanjuti laporan "+low(noun)+" di wilayah «CITY» yang diterima «MELALUI» pada «DR» {{pukul complaint.receivedAt}}. Penanganan dilakukan dengan mengutamakan perlindungan korban.",
      "Laporan "+low(noun)+" yang diterima «MELALUI» pada «DR» {{pukul complaint.receivedAt}} ditindaklanjuti «U». Dalam penanganannya, petugas mengutamakan perlindungan dan kerahasiaan korban.",
      "«U» menangani laporan "+low(noun)+" di wilayah «CITY». Laporan tersebut diterima «MELALUI» pada «DR» {{pukul complaint.receivedAt}} dan ditangani dengan mengutamakan perlindungan korban.",
      "Menindaklanjuti laporan yang diterima «MELALUI» pada «DR» {{pukul complaint.receivedAt}}, «U» menangani "+low(noun)+" di wilayah «CITY» dengan mengutamakan perlindungan korban.",
    ],
    r=[
      "«U» menindaklanjuti laporan "+low(noun)+" dengan mengutamakan perlindungan korban. Laporkan melalui Call Center 110.",
      "Laporan "+low(noun)+" di «CITY» ditangani «U» dengan menjaga kerahasiaan korban. Jangan ragu melapor ke Call Center 110.",
      "«U» menangani laporan "+low(noun)+" dan menjaga identitas korban. Mengalami atau mengetahui "+low(short)+"? Hubungi Call Center 110.",
      "Setiap laporan "+low(noun)+" ditindaklanjuti «U» dengan mengutamakan perlindungan korban. Hubungi Call Center 110.",
    ])
sens('kdrt', 'Dugaan KDRT', 'KDRT', "«U» Imbau Korban KDRT Tidak Ragu Melapor")
sens('kekerasan_seksual', 'Dugaan Kekerasan Seksual', 'Kekerasan Seksual', "«U» Imbau Korban Kekerasan Seksual Tidak Ragu Melapor")
sens('perlindungan_anak', 'terkait Perlindungan Anak', 'Kekerasan terhadap Anak', "«U» Tegaskan Komitmen Melindungi Anak")
sens('perdagangan_orang', 'Dugaan Perdagangan Orang', 'Perdagangan Orang', "«U» Imbau Warga Waspadai Perdagangan Orang")
sens('default', 'Warga', 'Kejahatan', "«U» Tindak Lanjuti Laporan Warga dengan Menjaga Kerahasiaan")
S['default']['h'][1] = "«U» Tangani Laporan Warga dengan Mengutamakan Perlindungan"
S['default']['l'] = [l.replace('laporan warga', 'laporan warga').replace('menangani warga', 'menangani laporan tersebut') for l in S['default']['l']]
S['default']['l'][3] = "Menindaklanjuti laporan yang diterima «MELALUI» pada «DR» {{pukul complaint.receivedAt}}, «U» menangani perkara tersebut di wilayah «CITY» dengan mengutamakan perlindungan para pihak."
S['default']['r'][2] = "«U» menangani laporan warga dan menjaga identitas para pihak. Hubungi Call Center 110 bila membutuhkan bantuan polisi."
S['orang_hilang'] = dict(
h=[
 "«?ditemukan»«U» Temukan Anak yang Dilaporkan Hilang di «CITY»«else»«U» Tindak Lanjuti Laporan Anak Hilang di «CITY»«/»",
 "«?ditemukan»Anak yang Dilaporkan Hilang di «CITY» Telah Ditemukan«else»«U» Tangani Laporan Anak Hilang di «CITY»«/»",
 "«?ditemukan»«?selamat»Anak yang Dilaporkan Hilang Ditemukan dalam Keadaan Selamat«else»«U» Temukan Anak yang Dilaporkan Hilang«/»«else»«U» Respons Laporan Anak Hilang di «CITY»«/»",
 "«U» Imbau Orang Tua Segera Melapor Bila Anak Hilang",
],
l=[
 "«U» menindaklanjuti laporan anak hilang di wilayah «CITY» yang diterima «MELALUI» pada «DR» {{pukul complaint.receivedAt}}.«?ditemukan» Anak tersebut telah ditemukan«?selamat» dalam keadaan selamat«/».«/»",
 "Laporan anak hilang yang diterima «MELALUI» pada «DR» {{pukul complaint.receivedAt}} ditindaklanjuti «U».«?ditemukan» Anak yang dilaporkan hilang telah ditemukan«?selamat» dalam keadaan selamat«/».«/» Identitas anak dan keluarganya tidak dipublikasikan untuk melindungi mereka.",
 "«U» menangani laporan anak hilang di wilayah «CITY».«?ditemukan» Anak tersebut telah ditemukan«?selamat» dalam keadaan selamat«/».«/» Laporan diterima «MELALUI» pada «DR» {{pukul complaint.receivedAt}}.",
 "Menindaklanjuti laporan yang diterima «MELALUI» pada «DR» {{pukul complaint.receivedAt}}, «U» menangani laporan anak hilang di wilayah «CITY».«?ditemukan» Anak tersebut telah ditemukan«?selamat» dalam keadaan selamat«/».«/»",
],
r=[
 "«?ditemukan»Anak yang dilaporkan hilang di «CITY» telah ditemukan«?selamat» dalam keadaan selamat«/».«else»«U» menindaklanjuti laporan anak hilang di «CITY».«/» Bila anak hilang, segera lapor ke Call Center 110.",
 "«U» menangani laporan anak hilang di «CITY».«?ditemukan» Anak tersebut sudah ditemukan.«/» Segera laporkan anak hilang ke Call Center 110.",
 "Laporan anak hilang di «CITY» ditindaklanjuti «U».«?ditemukan» Anak tersebut sudah ditemukan«?selamat» dalam keadaan selamat«/».«/»",
 "«?ditemukan»Anak yang dilaporkan hilang sudah ditemukan.«else»«U» menangani laporan anak hilang.«/» Orang tua diimbau segera melapor ke Call Center 110 bila anak tidak pulang.",
])
S['narkoba'] = dict(
h=[
 "«U» Tindak Lanjuti Informasi Masyarakat soal Narkoba di «CITY»",
 "«?pelakuDiamankan»«U» Amankan Terduga Pelaku Kasus Narkoba di «CITY»«else»«U» Tangani Informasi Warga tentang Narkoba«/»",
 "«U» Jaga Kerahasiaan Pelapor dalam Penanganan Kasus Narkoba",
 "«U» Ajak Warga Laporkan Penyalahgunaan Narkoba",
],
l=[
 "«U» menindaklanjuti informasi masyarakat tentang narkoba di wilayah «CITY» yang diterima «MELALUI» pada «DR» {{pukul complaint.receivedAt}}.«?pelakuDiamankan» Terduga pelaku telah diamankan untuk menjalani pemeriksaan.«/» Identitas pelapor dirahasiakan.",
 "Informasi masyarakat tentang narkoba yang diterima «MELALUI» pada «DR» {{pukul complaint.receivedAt}} ditindaklanjuti «U».«?pelakuDiamankan» Petugas mengamankan terduga pelaku.«/» Identitas pelapor dijaga kerahasiaannya.",
 "«U» menangani informasi masyarakat tentang narkoba di wilayah «CITY».«?pelakuDiamankan» Terduga pelaku telah diamankan.«/» Pelapor dilindungi dan identitasnya tidak dipublikasikan.",
 "Menindaklanjuti informasi yang diterima «MELALUI» pada «DR» {{pukul complaint.receivedAt}}, «U» menangani kasus narkoba di wilayah «CITY».«?pelakuDiamankan» Terduga pelaku telah diamankan.«/» Identitas pelapor dirahasiakan.",
],
r=[
 "«U» menindaklanjuti informasi masyarakat soal narkoba di «CITY». Identitas pelapor dirahasiakan.",
 "Informasi warga soal narkoba ditindaklanjuti «U».«?pelakuDiamankan» Terduga pelaku diamankan.«/» Pelapor dilindungi.",
 "«U» menangani informasi masyarakat tentang narkoba dan menjaga kerahasiaan pelapor.",
 "Punya informasi soal narkoba? Laporkan ke Call Center 110. Identitas pelapor dirahasiakan.",
])
for cat, d in C.items():
    write('complaint-headline-' + cat, d['h'], headline=True)
    write('complaint-lead-' + cat, d['l'])
    write('complaint-ringkas-' + cat, d['r'])
for cat, d in S.items():
    write('complaint-sensitif-headline-' + cat, d['h'], headline=True)
    write('complaint-sensitif-lead-' + cat, d['l'])
    write('complaint-sensitif-ringkas-' + cat, d['r'])
# categories that are always sensitive: their own partials hand over to the sensitive wording
for cat in ['kdrt', 'kekerasan_seksual', 'perlindungan_anak', 'perdagangan_orang']:
    for part in ['headline', 'lead', 'ringkas']:
        with open(f'{__import__("tpl").OUT}/complaint-{part}-{cat}.hbs', 'w') as f:
            f.write('{{> complaint-sensitif-%s-%s}}\n' % (part, cat))
